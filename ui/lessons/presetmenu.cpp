#include "presetmenu.h"

#include <QEvent>

PresetMenu::PresetMenu(QWidget *parent)
    : QMenu(parent)
{
    setToolTipsVisible(true);
    fill();
}

void PresetMenu::fill()
{
    clear();
    setTitle(tr("&Presets"));
    for (const ToolPreset &preset : toolPresets()) {
        QAction *action = addAction(preset.name, this, [this, preset] { Q_EMIT presetChosen(preset); });
        const QString source = tr("Source: %1").arg(preset.source);
        action->setToolTip(source);
        action->setStatusTip(source);
    }
}

void PresetMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        fill();
    QMenu::changeEvent(event);
}
