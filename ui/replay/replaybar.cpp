#include "replaybar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/durationformat.h"
#include "replay/replayclock.h"
#include "replayscrubber.h"

ReplayBar::ReplayBar(ReplayClock *clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_back(new QToolButton(this))
    , m_play(new QToolButton(this))
    , m_forward(new QToolButton(this))
    , m_speed(new QComboBox(this))
    , m_time(new QLabel(this))
    , m_close(new QToolButton(this))
    , m_scrubber(new ReplayScrubber(this))
{
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    for (const double speed : ReplayClock::speeds())
        m_speed->addItem(QString(), speed);
    m_time->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_time->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00.000 s / 00.000 s")));

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(4, 2, 4, 0);
    controls->addWidget(m_back);
    controls->addWidget(m_play);
    controls->addWidget(m_forward);
    controls->addWidget(m_speed);
    controls->addWidget(m_time);
    controls->addStretch(1);
    controls->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(controls);
    layout->addWidget(m_scrubber);

    connect(m_back, &QToolButton::clicked, clock, &ReplayClock::stepBack);
    connect(m_play, &QToolButton::clicked, clock, &ReplayClock::togglePlaying);
    connect(m_forward, &QToolButton::clicked, clock, &ReplayClock::stepForward);
    connect(m_close, &QToolButton::clicked, this, &ReplayBar::closeRequested);
    connect(m_speed, &QComboBox::activated, this,
            [this](int index) { m_clock->setSpeed(m_speed->itemData(index).toDouble()); });
    connect(m_scrubber, &ReplayScrubber::seekRequested, clock, &ReplayClock::seek);
    connect(clock, &ReplayClock::timeChanged, this, &ReplayBar::showTime);
    connect(clock, &ReplayClock::playingChanged, this, &ReplayBar::showPlaying);
    connect(clock, &ReplayClock::speedChanged, this, &ReplayBar::showSpeed);
    connect(clock, &ReplayClock::runsChanged, this, [this] { m_scrubber->setEndNs(m_clock->endNs()); });

    retranslate();
    m_scrubber->setEndNs(clock->endNs());
    showTime(clock->timeNs());
    showPlaying(clock->isPlaying());
    showSpeed(clock->speed());
}

void ReplayBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReplayBar::retranslate()
{
    m_back->setToolTip(tr("Step back to the previous event (Left)"));
    m_forward->setToolTip(
        tr("Step to the next event: a start, a phase change, an end or a gate change (Right)"));
    m_speed->setToolTip(tr("Replay speed"));
    m_close->setToolTip(tr("Stop replaying and show the runs whole"));
    for (int i = 0; i < m_speed->count(); ++i)
        m_speed->setItemText(i, tr("%1×").arg(m_speed->itemData(i).toDouble()));
    showPlaying(m_clock->isPlaying());
}

void ReplayBar::showTime(qint64 ns)
{
    m_scrubber->setTimeNs(ns);
    m_time->setText(
        tr("%1 / %2").arg(DurationFormat::seconds(ns), DurationFormat::seconds(m_clock->endNs())));
}

void ReplayBar::showPlaying(bool playing)
{
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
}

void ReplayBar::showSpeed(double speed)
{
    const int index = m_speed->findData(speed);
    if (index >= 0)
        m_speed->setCurrentIndex(index);
}
