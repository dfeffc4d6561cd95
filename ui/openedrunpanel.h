#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class LimitSlider;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class UrlEditor;
struct RunResult;

/// After File › Open of saved runs, the settings panel shows the opened run's settings instead of the ones
/// left from before, locked so that they read as a record, not as the next run. This note over the panel
/// says so, and "Run again" unlocks them and runs; any other edit unlocks them too.
class OpenedRunPanel : public QWidget
{
    Q_OBJECT

public:
    struct Fields
    {
        QComboBox *mode = nullptr;
        LimitSlider *limit = nullptr;
        QSpinBox *delay = nullptr;
        QSpinBox *perHost = nullptr;
        QSpinBox *timeout = nullptr;
        QSpinBox *deadline = nullptr;
        UrlEditor *urls = nullptr;
        QList<QWidget *> locked; // the boxes that hold them
    };

    OpenedRunPanel(const Fields &fields, QWidget *parent = nullptr);

    /// Fills the fields with the run's settings and URLs, and locks them.
    void showRun(const RunResult &run);
    /// Leaves the read-only state, keeping the values.
    void release();
    bool isShowingRun() const { return m_showing; }
    QPushButton *runAgainButton() const { return m_runAgain; }

Q_SIGNALS:
    /// The user asked to run the opened settings again; the fields are already unlocked.
    void runAgainRequested();

private:
    void onEdited();

    Fields m_fields;
    QLabel *m_note;
    QPushButton *m_runAgain;
    bool m_showing = false;
    bool m_filling = false;
};
