#include "eventloopchoice.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

namespace {

// Set by us in this process, not by the user.
bool setNoGlib = false;
bool setNoThreadedGlib = false;

bool setUnlessSet(const char *name)
{
    if (!qEnvironmentVariableIsEmpty(name))
        return false;
    qputenv(name, QByteArrayLiteral("1"));
    return true;
}

} // namespace

namespace EventLoopChoice {

void forCommandLine()
{
    setNoGlib = setUnlessSet("QT_NO_GLIB") || setNoGlib;
}

void forWindow()
{
    setNoThreadedGlib = setUnlessSet("QT_NO_THREADED_GLIB") || setNoThreadedGlib;
}

void removeFrom(QProcessEnvironment &environment)
{
    if (setNoGlib)
        environment.remove(QStringLiteral("QT_NO_GLIB"));
    if (setNoThreadedGlib)
        environment.remove(QStringLiteral("QT_NO_THREADED_GLIB"));
}

} // namespace EventLoopChoice
