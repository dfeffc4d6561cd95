#pragma once

#include <QObject>

class MainWindow;
class QAction;
class QMenu;

/// File menu's pictures: Export Slide… (the whole comparison laid out for 16:9), Export What I See… (the
/// timeline panel as shown) and Export Chart… (the summary chart in front), all starting in the one export
/// folder.
class ExportActions : public QObject
{
    Q_OBJECT

public:
    ExportActions(QMenu *file, MainWindow *window);

    QAction *slideAction() const { return m_slide; }
    QAction *whatISeeAction() const { return m_whatISee; }
    QAction *chartAction() const { return m_chart; }

    /// The slide of the window's runs, with its view's options, into path (.png and .jpg at 2×, .svg, .pdf).
    bool exportSlide(const QString &path, QString *error) const;
    /// The timeline panel exactly as shown.
    bool exportWhatISee(const QString &path, QString *error) const;

private:
    enum class What { Slide, WhatISee, Chart };
    void exportWithDialog(What what);

    MainWindow *m_window;
    QAction *m_slide;
    QAction *m_whatISee;
    QAction *m_chart;
};
