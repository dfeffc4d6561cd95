#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;
class ReplayClock;
class ReplayScrubber;

/// The replay's controls over the timeline: step back, play or pause, step forward, the speed, the time,
/// and a scrubber on the timeline's time axis. It drives a ReplayClock and follows it.
class ReplayBar : public QWidget
{
    Q_OBJECT

public:
    explicit ReplayBar(ReplayClock *clock, QWidget *parent = nullptr);

    ReplayScrubber *scrubber() const { return m_scrubber; }
    QToolButton *playButton() const { return m_play; }
    QToolButton *stepBackButton() const { return m_back; }
    QToolButton *stepForwardButton() const { return m_forward; }
    QComboBox *speedBox() const { return m_speed; }
    QLabel *timeLabel() const { return m_time; }

Q_SIGNALS:
    /// The user closed the bar: the runs are to be shown whole again.
    void closeRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showTime(qint64 ns);
    void showPlaying(bool playing);
    void showSpeed(double speed);

    ReplayClock *m_clock;
    QToolButton *m_back;
    QToolButton *m_play;
    QToolButton *m_forward;
    QComboBox *m_speed;
    QLabel *m_time;
    QToolButton *m_close;
    ReplayScrubber *m_scrubber;
};
