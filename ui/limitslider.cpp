#include "limitslider.h"

#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>

const QList<int> &LimitSlider::stops()
{
    // Every value up to 20, then 1-1.2-1.5-2-2.5-3-4-5-6-8 per decade up to 1000.
    static const QList<int> values {1,   2,   3,   4,   5,   6,   7,   8,   9,   10,  11,  12, 13,
                                    14,  15,  16,  17,  18,  19,  20,  25,  30,  40,  50,  60, 80,
                                    100, 120, 150, 200, 250, 300, 400, 500, 600, 800, 1000};
    return values;
}

int LimitSlider::positionFor(int value)
{
    const auto &values = stops();
    const auto it = std::upper_bound(values.begin(), values.end(), value);
    return std::max(0, int(it - values.begin()) - 1);
}

LimitSlider::LimitSlider(QWidget *parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_spinBox(new QSpinBox(this))
{
    m_slider->setRange(0, int(stops().size()) - 1);
    m_slider->setPageStep(5);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setTickInterval(5);
    m_slider->setAccessibleName(tr("Concurrency limit"));
    m_spinBox->setRange(Minimum, Maximum);
    m_spinBox->setAccessibleName(tr("Concurrency limit"));
    m_slider->setToolTip(tr("How many requests may be in flight at once (the semaphore's size). "
                            "Drag it during a run to resize the gate live."));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spinBox);

    connect(m_slider, &QSlider::valueChanged, this, [this](int position) { setValue(stops().at(position)); });
    connect(m_spinBox, &QSpinBox::valueChanged, this, &LimitSlider::setValue);
    setValue(3);
}

void LimitSlider::setValue(int value)
{
    value = std::clamp(value, Minimum, Maximum);
    {
        const QSignalBlocker sliderBlocker(m_slider);
        const QSignalBlocker spinBlocker(m_spinBox);
        m_slider->setValue(positionFor(value));
        m_spinBox->setValue(value);
    }
    if (value == m_value)
        return;
    m_value = value;
    Q_EMIT valueChanged(value);
}
