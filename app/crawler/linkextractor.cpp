#include "linkextractor.h"

#include <QStringList>

#include <gumbo.h>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

struct GumboOutputDeleter
{
    void operator()(GumboOutput *output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

bool isAsciiWhitespace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

QString attribute(const GumboElement &element, const char *name)
{
    const GumboAttribute *attr = gumbo_get_attribute(&element.attributes, name);
    return attr ? QString::fromUtf8(attr->value) : QString();
}

bool hasAttribute(const GumboElement &element, const char *name)
{
    return gumbo_get_attribute(&element.attributes, name) != nullptr;
}

// rel, and the content of meta robots, are sets of case-insensitive tokens.
QStringList tokens(const QString &value, QChar extraSeparator = QChar())
{
    QString spaced = value.toLower();
    if (!extraSeparator.isNull())
        spaced.replace(extraSeparator, u' ');
    return spaced.simplified().split(u' ', Qt::SkipEmptyParts);
}

// What browsers do with an href before parsing it: surrounding whitespace goes, and tabs and newlines
// inside are dropped (a URL wrapped over two lines of source still works).
QString cleanedHref(const QString &href)
{
    QString cleaned = href.trimmed();
    cleaned.remove(u'\t');
    cleaned.remove(u'\n');
    cleaned.remove(u'\r');
    return cleaned;
}

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
}

// The URL in a refresh declaration, following the HTML "shared declarative refresh steps"; empty when it
// only reloads the page itself or cannot be parsed.
QString refreshTarget(const QString &content)
{
    qsizetype pos = 0;
    const qsizetype size = content.size();
    auto skipWhitespace = [&] {
        while (pos < size && isAsciiWhitespace(content.at(pos)))
            ++pos;
    };

    skipWhitespace();
    const qsizetype timeStart = pos;
    while (pos < size && content.at(pos).isDigit())
        ++pos;
    if (pos == timeStart && (pos >= size || content.at(pos) != u'.'))
        return {};
    while (pos < size && (content.at(pos).isDigit() || content.at(pos) == u'.'))
        ++pos;
    if (pos >= size)
        return {};
    if (content.at(pos) != u';' && content.at(pos) != u',' && !isAsciiWhitespace(content.at(pos)))
        return {};
    skipWhitespace();
    if (pos < size && (content.at(pos) == u';' || content.at(pos) == u','))
        ++pos;
    skipWhitespace();
    if (pos >= size)
        return {};

    // "url=" is optional: without it the rest is the URL as it stands.
    const qsizetype urlStart = pos;
    if (QStringView(content).mid(pos, 3).compare(u"url", Qt::CaseInsensitive) == 0) {
        pos += 3;
        skipWhitespace();
        if (pos < size && content.at(pos) == u'=') {
            ++pos;
            skipWhitespace();
        } else {
            pos = urlStart;
        }
    }

    QChar quote;
    if (pos < size && (content.at(pos) == u'\'' || content.at(pos) == u'"'))
        quote = content.at(pos++);
    QString target = content.mid(pos);
    if (!quote.isNull()) {
        const qsizetype end = target.indexOf(quote);
        if (end >= 0)
            target.truncate(end);
    }
    return target;
}

// Elements in document order; template contents are inert markup, not part of the page, so they are skipped.
template<typename Visit>
void forEachElement(const GumboNode *root, Visit visit)
{
    QList<const GumboNode *> stack {root};
    while (!stack.isEmpty()) {
        const GumboNode *node = stack.takeLast();
        if (node->type != GUMBO_NODE_ELEMENT)
            continue;
        visit(node->v.element);
        const GumboVector &children = node->v.element.children;
        for (unsigned int i = children.length; i > 0; --i)
            stack.append(static_cast<const GumboNode *>(children.data[i - 1]));
    }
}

QUrl baseUrl(const GumboNode *root, const QUrl &documentUrl)
{
    QUrl base = documentUrl;
    bool found = false;
    forEachElement(root, [&](const GumboElement &element) {
        if (found || element.tag != GUMBO_TAG_BASE || !hasAttribute(element, "href"))
            return;
        found = true;
        const QUrl resolved = documentUrl.resolved(QUrl(cleanedHref(attribute(element, "href"))));
        // A base that points at another scheme could only turn every relative link into a skipped one.
        if (isWebUrl(resolved))
            base = resolved;
    });
    return base;
}

bool pageSaysNofollow(const GumboNode *root)
{
    bool nofollow = false;
    forEachElement(root, [&](const GumboElement &element) {
        if (element.tag != GUMBO_TAG_META
            || attribute(element, "name").compare(u"robots", Qt::CaseInsensitive))
            return;
        const QStringList directives = tokens(attribute(element, "content"), u',');
        if (directives.contains(u"nofollow"_s) || directives.contains(u"none"_s))
            nofollow = true;
    });
    return nofollow;
}

struct Candidate
{
    QString href;
    QString source;
    bool nofollow = false;
};

// Which attribute of this element is a link to follow, if any.
std::optional<Candidate> candidateOf(const GumboElement &element)
{
    switch (element.tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_AREA: {
        if (!hasAttribute(element, "href"))
            return std::nullopt;
        const bool nofollow = tokens(attribute(element, "rel")).contains(u"nofollow"_s);
        return Candidate {attribute(element, "href"), element.tag == GUMBO_TAG_A ? u"a"_s : u"area"_s,
                          nofollow};
    }
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_IFRAME:
        if (!hasAttribute(element, "src"))
            return std::nullopt;
        return Candidate {attribute(element, "src"),
                          element.tag == GUMBO_TAG_FRAME ? u"frame"_s : u"iframe"_s};
    case GUMBO_TAG_LINK: {
        const QStringList rel = tokens(attribute(element, "rel"));
        // "alternate stylesheet" names a style sheet, not another version of the page.
        const bool pageLink
            = (rel.contains(u"next"_s) || rel.contains(u"prev"_s) || rel.contains(u"alternate"_s))
            && !rel.contains(u"stylesheet"_s);
        if (!pageLink || !hasAttribute(element, "href"))
            return std::nullopt;
        return Candidate {attribute(element, "href"), u"link"_s, rel.contains(u"nofollow"_s)};
    }
    case GUMBO_TAG_META: {
        if (attribute(element, "http-equiv").compare(u"refresh", Qt::CaseInsensitive))
            return std::nullopt;
        const QString target = refreshTarget(attribute(element, "content"));
        if (target.trimmed().isEmpty())
            return std::nullopt;
        return Candidate {target, u"meta-refresh"_s};
    }
    default:
        return std::nullopt;
    }
}

} // namespace

QList<ExtractedLink> extractLinks(const QByteArray &html, const QUrl &documentUrl, bool honourNofollow,
                                  qsizetype maxLinks, qsizetype *dropped)
{
    if (dropped)
        *dropped = 0;
    const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, html.constData(), size_t(html.size())));
    if (!output)
        return {};

    const QUrl base = baseUrl(output->root, documentUrl);
    const bool pageNofollow = pageSaysNofollow(output->root);
    const QUrl documentWithoutFragment = documentUrl.adjusted(QUrl::RemoveFragment);

    QList<ExtractedLink> links;
    forEachElement(output->root, [&](const GumboElement &element) {
        const std::optional<Candidate> candidate = candidateOf(element);
        if (!candidate)
            return;
        if (maxLinks > 0 && links.size() >= maxLinks) {
            // Counted, not resolved: past the cap, a page gets no more of our time than it takes to count.
            if (dropped)
                ++*dropped;
            return;
        }
        const QString href = cleanedHref(candidate->href);
        const QUrl url = base.resolved(QUrl(href));
        if (!isWebUrl(url))
            return;
        if ((href.isEmpty() || href.startsWith(u'#'))
            && url.adjusted(QUrl::RemoveFragment) == documentWithoutFragment)
            return;
        const bool nofollow = pageNofollow || candidate->nofollow;
        if (nofollow && honourNofollow)
            return;
        links.append(ExtractedLink {url, candidate->source, nofollow});
    });
    return links;
}
