#include "crawlsettingsbox.h"

#include "session/crawler.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

QStringList patternsOf(const QLineEdit *edit)
{
    const QString text = edit->text();
    return text.isEmpty() ? QStringList {} : QStringList {text};
}

} // namespace

CrawlSettingsBox::CrawlSettingsBox(QWidget *parent)
    : QGroupBox(tr("Cra&wl: follow links"), parent)
    , m_depth(new QSpinBox(this))
    , m_pages(new QSpinBox(this))
    , m_links(new QSpinBox(this))
    , m_scope(new QComboBox(this))
    , m_include(new QLineEdit(this))
    , m_exclude(new QLineEdit(this))
    , m_robots(new QCheckBox(tr("Obey robots.txt and its Crawl-delay"), this))
    , m_nofollow(new QCheckBox(tr("Honour rel=nofollow"), this))
    , m_sortQuery(new QCheckBox(tr("Query order does not matter"), this))
    , m_message(new QLabel(this))
{
    setCheckable(true);
    setChecked(false);
    setToolTip(tr("Start from the URLs and follow their links within the scope, politely: robots.txt first, "
                  "its Crawl-delay per host, and 429/503 answers waited out"));

    // Folded away while crawl mode is off, so the URL list keeps the room.
    auto *outer = new QVBoxLayout(this);
    auto *body = new QWidget(this);
    outer->addWidget(body);
    auto *form = new QFormLayout(body);
    form->setContentsMargins(0, 0, 0, 0);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a narrow settings column puts fields under labels
    m_depth->setRange(0, 1000);
    m_depth->setToolTip(tr("Links followed from a start URL; redirects keep the depth"));
    form->addRow(tr("De&pth:"), m_depth);
    m_pages->setRange(1, 1'000'000);
    m_pages->setToolTip(tr("At most this many page requests in all, redirects and retries included; each "
                           "host's robots.txt comes on top"));
    form->addRow(tr("Max pa&ges:"), m_pages);
    m_links->setRange(0, 10'000'000);
    m_links->setSingleStep(1000);
    m_links->setSpecialValueText(tr("all"));
    m_links->setToolTip(
        tr("Links read from one page. A large page is parsed only as far as its first links: "
           "those past the cap in the part parsed are counted as dropped and the rest of the page "
           "is not read, so that a page of a million links cannot fill the memory"));
    form->addRow(tr("Lin&ks per page:"), m_links);
    m_scope->addItem(tr("Same host"), int(ScopeKind::Host));
    m_scope->addItem(tr("Same site (registrable domain)"), int(ScopeKind::Site));
    m_scope->addItem(tr("Any host"), int(ScopeKind::Any));
    m_scope->setToolTip(
        tr("Same site uses the Public Suffix List: a.example.co.uk and b.example.co.uk are one "
           "site, x.github.io and y.github.io are not"));
    form->addRow(tr("&Scope:"), m_scope);
    m_include->setPlaceholderText(tr("regular expression, optional"));
    m_include->setToolTip(tr("Only follow URLs this regular expression matches"));
    form->addRow(tr("&Include:"), m_include);
    m_exclude->setPlaceholderText(tr("regular expression, optional"));
    m_exclude->setToolTip(tr("Never follow URLs this regular expression matches"));
    form->addRow(tr("E&xclude:"), m_exclude);
    m_robots->setToolTip(tr("Unchecked, robots.txt is not even fetched; every summary and export says so"));
    form->addRow(m_robots);
    form->addRow(m_nofollow);
    m_sortQuery->setToolTip(tr("?a=1&b=2 and ?b=2&a=1 name the same page"));
    form->addRow(m_sortQuery);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_message);

    setSettings(CrawlSettings {});

    for (auto *box : {m_depth, m_pages, m_links})
        connect(box, &QSpinBox::valueChanged, this, &CrawlSettingsBox::changed);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &CrawlSettingsBox::changed);
    for (auto *edit : {m_include, m_exclude})
        connect(edit, &QLineEdit::textChanged, this, &CrawlSettingsBox::validate);
    for (auto *box : {m_robots, m_nofollow, m_sortQuery})
        connect(box, &QCheckBox::toggled, this, &CrawlSettingsBox::validate);
    connect(this, &QGroupBox::toggled, this, &CrawlSettingsBox::validate);
    body->setVisible(isChecked());
    connect(this, &QGroupBox::toggled, body, &QWidget::setVisible);
}

CrawlSettings CrawlSettingsBox::settings() const
{
    CrawlSettings settings;
    settings.enabled = isChecked();
    settings.maxDepth = m_depth->value();
    settings.maxPages = m_pages->value();
    settings.maxLinksPerPage = m_links->value();
    settings.scope = ScopeKind(m_scope->currentData().toInt());
    settings.includes = patternsOf(m_include);
    settings.excludes = patternsOf(m_exclude);
    settings.obeyRobots = m_robots->isChecked();
    settings.honourNofollow = m_nofollow->isChecked();
    settings.sortQuery = m_sortQuery->isChecked();
    return settings;
}

void CrawlSettingsBox::setSettings(const CrawlSettings &settings)
{
    setChecked(settings.enabled);
    m_depth->setValue(settings.maxDepth);
    m_pages->setValue(settings.maxPages);
    m_links->setValue(settings.maxLinksPerPage);
    m_scope->setCurrentIndex(m_scope->findData(int(settings.scope)));
    // One pattern per field here; several join as alternatives, which is what they mean.
    m_include->setText(settings.includes.join(u'|'));
    m_exclude->setText(settings.excludes.join(u'|'));
    m_robots->setChecked(settings.obeyRobots);
    m_nofollow->setChecked(settings.honourNofollow);
    m_sortQuery->setChecked(settings.sortQuery);
    validate();
}

QString CrawlSettingsBox::problem() const
{
    return isChecked() ? Crawler::checkSettings(settings()) : QString();
}

void CrawlSettingsBox::validate()
{
    const QString error = problem();
    const auto mark = [&](QLineEdit *edit, const QString &kind) {
        const bool bad = !error.isEmpty() && error.contains(kind);
        edit->setStyleSheet(bad ? QStringLiteral("QLineEdit { border: 1px solid #c62828; }") : QString());
        edit->setToolTip(bad ? error : QString());
    };
    mark(m_include, tr("include"));
    mark(m_exclude, tr("exclude"));
    if (!error.isEmpty()) {
        m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_message->setText(error);
    } else if (isChecked() && !m_robots->isChecked()) {
        m_message->setStyleSheet(QStringLiteral("color: #e65100;"));
        m_message->setText(tr("robots.txt will be ignored, by your choice."));
    } else {
        m_message->clear();
    }
    Q_EMIT changed();
}
