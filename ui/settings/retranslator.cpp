#include "retranslator.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QWidget>
#include <QXmlStreamReader>

Retranslator *Retranslator::install()
{
    auto *app = QCoreApplication::instance();
    if (auto *existing = app->findChild<Retranslator *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    auto *retranslator = new Retranslator(app);
    app->installEventFilter(retranslator);
    return retranslator;
}

Retranslator::Retranslator(QObject *parent)
    : QObject(parent)
{ }

void Retranslator::loadCatalogues() const
{
    // On the first switch, not at start: most launches never switch, and they open sooner without it.
    if (m_loaded)
        return;
    m_loaded = true;
    QDirIterator catalogues(QStringLiteral(":/i18n"), {QStringLiteral("*.ts")});
    while (catalogues.hasNext())
        loadCatalogue(catalogues.next());
}

void Retranslator::loadCatalogue(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("Retranslator: cannot read %s", qPrintable(path));
        return;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    bool numerus = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            source.clear();
        } else if (name == QLatin1String("source")) {
            source = xml.readElementText();
            // Numerus texts and texts with arguments are never shown as they are written.
            if (!numerus && !source.contains(QLatin1Char('%')))
                m_sources[source].append({context, source});
        } else if (name == QLatin1String("translation")) {
            const QString translation = xml.readElementText(QXmlStreamReader::SkipChildElements);
            if (!numerus && !source.contains(QLatin1Char('%')) && !translation.isEmpty()
                && translation != source)
                m_sources[translation].append({context, source});
        }
    }
    if (xml.hasError())
        qWarning("Retranslator: %s: %s", qPrintable(path), qPrintable(xml.errorString()));
}

QList<Retranslator::Source> Retranslator::sourcesOf(const QString &shown) const
{
    loadCatalogues();
    return m_sources.value(shown);
}

QString Retranslator::retranslated(const QString &shown, const QStringList &contexts) const
{
    if (shown.isEmpty())
        return shown;
    const auto it = m_sources.constFind(shown);
    if (it == m_sources.cend())
        return shown;
    // The nearest class that could have said it: the widget's own, then its parents'.
    for (const QString &context : contexts) {
        for (const Source &source : *it) {
            if (source.context == context)
                return QCoreApplication::translate(qPrintable(source.context), qPrintable(source.text));
        }
    }
    const Source &any = it->first();
    return QCoreApplication::translate(qPrintable(any.context), qPrintable(any.text));
}

namespace {

QStringList contextsOf(const QObject *object)
{
    QStringList contexts;
    for (; object; object = object->parent()) {
        for (const QMetaObject *meta = object->metaObject(); meta; meta = meta->superClass()) {
            const QString name = QLatin1String(meta->className());
            if (!contexts.contains(name))
                contexts.append(name);
        }
    }
    return contexts;
}

} // namespace

void Retranslator::retranslate(QWidget *root) const
{
    loadCatalogues();
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    const auto again
        = [this](const QString &text, const QStringList &contexts) { return retranslated(text, contexts); };
    for (QWidget *widget : std::as_const(widgets)) {
        const QStringList contexts = contextsOf(widget);
        // A dock's title is its window title too, docked or floating.
        if (widget->isWindow() || qobject_cast<QDockWidget *>(widget))
            widget->setWindowTitle(again(widget->windowTitle(), contexts));
        widget->setToolTip(again(widget->toolTip(), contexts));
        widget->setAccessibleName(again(widget->accessibleName(), contexts));
        widget->setAccessibleDescription(again(widget->accessibleDescription(), contexts));
        if (auto *label = qobject_cast<QLabel *>(widget))
            label->setText(again(label->text(), contexts));
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            button->setText(again(button->text(), contexts));
        else if (auto *group = qobject_cast<QGroupBox *>(widget))
            group->setTitle(again(group->title(), contexts));
        else if (auto *line = qobject_cast<QLineEdit *>(widget))
            line->setPlaceholderText(again(line->placeholderText(), contexts));
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
            plain->setPlaceholderText(again(plain->placeholderText(), contexts));
        else if (auto *spin = qobject_cast<QSpinBox *>(widget)) {
            spin->setSuffix(again(spin->suffix(), contexts));
            spin->setPrefix(again(spin->prefix(), contexts));
            spin->setSpecialValueText(again(spin->specialValueText(), contexts));
        } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                combo->setItemText(i, again(combo->itemText(i), contexts));
        } else if (auto *tabs = qobject_cast<QTabWidget *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                tabs->setTabText(i, again(tabs->tabText(i), contexts));
        } else if (auto *menu = qobject_cast<QMenu *>(widget)) {
            menu->setTitle(again(menu->title(), contexts));
        }
        for (QAction *action : widget->actions()) {
            const QStringList actionContexts = contextsOf(action);
            action->setText(again(action->text(), actionContexts + contexts));
            action->setToolTip(again(action->toolTip(), actionContexts + contexts));
            action->setStatusTip(again(action->statusTip(), actionContexts + contexts));
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model()) {
            QAbstractItemModel *model = view->model();
            // Header texts are asked for with tr() each time; the views only need to ask again.
            if (model->columnCount() > 0)
                Q_EMIT model->headerDataChanged(Qt::Horizontal, 0, model->columnCount() - 1);
        }
        widget->update();
    }
}

bool Retranslator::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        if (auto *widget = qobject_cast<QWidget *>(watched); widget && widget->isWindow())
            retranslate(widget);
    }
    return QObject::eventFilter(watched, event);
}
