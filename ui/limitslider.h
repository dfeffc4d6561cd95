#pragma once

#include <QWidget>

class QSlider;
class QSpinBox;

/// The concurrency slider: 1 to 1000 permits, one step per value up to 20 and "nice" logarithmic steps past
/// it (25, 30, 40, 50, ... 1000), with a spin box beside it for any exact value.
class LimitSlider : public QWidget
{
    Q_OBJECT

public:
    static constexpr int Minimum = 1;
    static constexpr int Maximum = 1000;

    explicit LimitSlider(QWidget *parent = nullptr);

    int value() const { return m_value; }
    void setValue(int value);

    QSlider *slider() const { return m_slider; }
    QSpinBox *spinBox() const { return m_spinBox; }

    /// The slider's stops, in order.
    static const QList<int> &stops();
    /// The slider position whose value is the largest stop not above value.
    static int positionFor(int value);

Q_SIGNALS:
    void valueChanged(int value);

private:
    QSlider *m_slider;
    QSpinBox *m_spinBox;
    int m_value = 3;
};
