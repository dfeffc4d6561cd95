#include "theme.h"

#include <QApplication>
#include <QStyle>

namespace {

struct ThemeText
{
    Q_DECLARE_TR_FUNCTIONS(Theme)
};

} // namespace

namespace Theme {

QStringList available()
{
    return {QString(), QStringLiteral("light"), QStringLiteral("dark")};
}

QString displayName(const QString &theme)
{
    if (theme == QLatin1String("light"))
        return ThemeText::tr("Light");
    if (theme == QLatin1String("dark"))
        return ThemeText::tr("Dark");
    return ThemeText::tr("System default");
}

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2d, 0x2f, 0x31);
    const QColor base(0x20, 0x21, 0x24);
    const QColor text(0xe8, 0xea, 0xed);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x51));
    palette.setColor(QPalette::Midlight, QColor(0x3c, 0x40, 0x43));
    palette.setColor(QPalette::Mid, QColor(0x5f, 0x63, 0x68));
    palette.setColor(QPalette::Dark, QColor(0x17, 0x18, 0x1a));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x8a, 0xb4, 0xf8));
    palette.setColor(QPalette::HighlightedText, base);
    palette.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0x80, 0x86, 0x8b));
    return palette;
}

void apply(const QString &theme)
{
    if (theme == QLatin1String("dark"))
        QApplication::setPalette(darkPalette());
    else if (theme == QLatin1String("light"))
        QApplication::setPalette(QApplication::style()->standardPalette());
    else
        QApplication::setPalette(QPalette()); // back to the platform theme's
}

} // namespace Theme
