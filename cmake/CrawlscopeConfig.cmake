# The one place that carries warnings and Qt strictness flags; every target links it.
add_library(crawlscope_config INTERFACE)

target_compile_options(crawlscope_config INTERFACE
    -Wall -Wextra -pedantic
    $<$<BOOL:${CRAWLSCOPE_WERROR}>:-Werror>)

target_compile_definitions(crawlscope_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    CRAWLSCOPE_VERSION="${PROJECT_VERSION}"
    CRAWLSCOPE_APP_ID="${CRAWLSCOPE_APP_ID}")
