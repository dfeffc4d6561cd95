#pragma once

#include <QMenu>

#include "lessons/toolpreset.h"

/// The Presets menu: one click sets the limits a real tool uses, each entry saying where its numbers come
/// from. It follows the UI language.
class PresetMenu : public QMenu
{
    Q_OBJECT

public:
    explicit PresetMenu(QWidget *parent = nullptr);

Q_SIGNALS:
    void presetChosen(const ToolPreset &preset);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();
};
