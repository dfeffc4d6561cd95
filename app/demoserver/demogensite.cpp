#include "demogensite.h"

namespace {

quint64 splitmix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

QList<int> DemoGenSite::links(int pages, int page)
{
    Q_ASSERT(pages >= 1 && page >= 0 && page < pages);
    QList<int> targets;
    if (pages < 2)
        return targets;
    targets.reserve(LinksPerPage);
    for (const qint64 child : {2 * qint64(page) + 1, 2 * qint64(page) + 2}) {
        if (child < pages)
            targets.append(int(child));
    }
    targets.append((page + 1) % pages);
    // The draw depends on the site's size too, so a 10-page site is not the first 10 pages of a bigger one.
    quint64 state = splitmix64(quint64(pages) << 32 | quint64(page));
    while (targets.size() < LinksPerPage) {
        state = splitmix64(state);
        int target = int(state % quint64(pages - 1));
        if (target >= page)
            ++target; // every page but this one, equally likely
        targets.append(target);
    }
    return targets;
}

QByteArray DemoGenSite::path(int pages, int page)
{
    QByteArray path = "/gen/" + QByteArray::number(pages) + '/';
    if (page > 0)
        path += QByteArray::number(page);
    return path;
}

DemoResponse DemoGenSite::respond(int pages, int page)
{
    QString list;
    for (const int target : links(pages, page)) {
        list += QStringLiteral("<li><a href=\"%1\">page %2</a></li>\n")
                    .arg(QString::fromLatin1(path(pages, target)))
                    .arg(target);
    }
    return DemoResponse::html(200, QStringLiteral("Page %1 of %2").arg(page).arg(pages),
                              QStringLiteral("<ul>\n%1</ul>").arg(list));
}
