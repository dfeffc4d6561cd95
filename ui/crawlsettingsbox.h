#pragma once

#include "core/crawltypes.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

/// The Crawl toggle and its settings: how deep and how many pages, the scope, an include and an exclude
/// pattern, and the politeness choices. Checking the box turns a run into a crawl from its URLs.
class CrawlSettingsBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit CrawlSettingsBox(QWidget *parent = nullptr);

    CrawlSettings settings() const;
    void setSettings(const CrawlSettings &settings);
    /// What is wrong with the settings, naming the pattern; empty when a crawl can start.
    QString problem() const;

    QSpinBox *depthBox() const { return m_depth; }
    QSpinBox *pagesBox() const { return m_pages; }
    QComboBox *scopeBox() const { return m_scope; }
    QLineEdit *includeEdit() const { return m_include; }
    QLineEdit *excludeEdit() const { return m_exclude; }
    QCheckBox *robotsBox() const { return m_robots; }

Q_SIGNALS:
    void changed();

private:
    void validate();

    QSpinBox *m_depth;
    QSpinBox *m_pages;
    QSpinBox *m_links;
    QComboBox *m_scope;
    QLineEdit *m_include;
    QLineEdit *m_exclude;
    QCheckBox *m_robots;
    QCheckBox *m_nofollow;
    QCheckBox *m_sortQuery;
    QLabel *m_message;
};
