# ctest's install_prefix: cmake --install into a temporary prefix, then check that every file is there and
# nothing else, that the installed desktop file and metainfo validate, that the man page matches the installed
# binary's --help, and that the installed binary reports the project's version and speaks Korean.
# Run with -DBUILD_DIR= -DAPP_ID= -DVERSION= -DRELEASE_DATE= -DPYTHON= -DSOURCE_DIR=.

set(prefix "${BUILD_DIR}/install-test")
file(REMOVE_RECURSE "${prefix}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}"
    RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${result}): ${errors}")
endif()

include(GNUInstallDirs)
set(data "${CMAKE_INSTALL_DATADIR}")
set(expected
    "${CMAKE_INSTALL_BINDIR}/crawlscope"
    "${data}/applications/${APP_ID}.desktop"
    "${data}/metainfo/${APP_ID}.metainfo.xml"
    "${data}/icons/hicolor/scalable/apps/${APP_ID}.svg"
    "${data}/crawlscope/translations/crawlscope_ko.qm"
    "${data}/crawlscope/translations/crawlscope_en.qm"
    "${CMAKE_INSTALL_MANDIR}/man1/crawlscope.1"
    "${data}/crawlscope/doc/README.md"
    "${data}/crawlscope/doc/README.ko.md")
foreach(size 16 32 48 64 128 256)
    list(APPEND expected "${data}/icons/hicolor/${size}x${size}/apps/${APP_ID}.png")
endforeach()
file(GLOB images RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/docs/*.png")
foreach(image ${images})
    list(APPEND expected "${data}/crawlscope/doc/${image}")
endforeach()
if(EXISTS "${SOURCE_DIR}/resources/tracer")
    file(GLOB_RECURSE tracer RELATIVE "${SOURCE_DIR}/resources/tracer" "${SOURCE_DIR}/resources/tracer/*")
    foreach(file ${tracer})
        if(NOT file MATCHES "__pycache__")
            list(APPEND expected "${data}/crawlscope/tracer/${file}")
        endif()
    endforeach()
endif()

file(GLOB_RECURSE installed RELATIVE "${prefix}" "${prefix}/*")
set(missing "")
foreach(file ${expected})
    if(NOT EXISTS "${prefix}/${file}")
        list(APPEND missing "${file}")
    endif()
endforeach()
set(unexpected ${installed})
list(REMOVE_ITEM unexpected ${expected})
if(missing OR unexpected)
    list(JOIN missing "\n  " missing_text)
    list(JOIN unexpected "\n  " unexpected_text)
    message(FATAL_ERROR "Installed files differ from the expected list.\nMissing:\n  ${missing_text}\n"
        "Not expected:\n  ${unexpected_text}")
endif()

function(run name)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${name} failed (${result}):\n${output}${errors}")
    endif()
    set(output "${output}" PARENT_SCOPE)
endfunction()

run("desktop-file-validate" desktop-file-validate "${prefix}/${data}/applications/${APP_ID}.desktop")
run("appstreamcli validate" appstreamcli validate --no-net "${prefix}/${data}/metainfo/${APP_ID}.metainfo.xml")
file(READ "${prefix}/${data}/metainfo/${APP_ID}.metainfo.xml" metainfo)
if(NOT metainfo MATCHES "<release version=\"${VERSION}\" date=\"${RELEASE_DATE}\"/>")
    message(FATAL_ERROR "The metainfo's release is not ${VERSION} of ${RELEASE_DATE}")
endif()
if(NOT metainfo MATCHES "<launchable type=\"desktop-id\">${APP_ID}.desktop</launchable>")
    message(FATAL_ERROR "The metainfo does not launch ${APP_ID}.desktop")
endif()

set(ENV{QT_QPA_PLATFORM} offscreen)
run("man page check" "${PYTHON}" "${SOURCE_DIR}/packaging/make-manpage.py" --check "${prefix}/${CMAKE_INSTALL_BINDIR}/crawlscope"
    "${prefix}/${CMAKE_INSTALL_MANDIR}/man1/crawlscope.1" "${VERSION}" "${RELEASE_DATE}")

run("crawlscope --version" "${prefix}/${CMAKE_INSTALL_BINDIR}/crawlscope" --version)
if(NOT output MATCHES "^crawlscope ${VERSION} ")
    message(FATAL_ERROR "crawlscope --version says \"${output}\", not ${VERSION}")
endif()
set(ENV{LANG} ko_KR.UTF-8)
set(ENV{LC_ALL} "")
set(ENV{LANGUAGE} "")
run("crawlscope run --help in Korean" "${prefix}/${CMAKE_INSTALL_BINDIR}/crawlscope" run --help)
if(NOT output MATCHES "URL 목록을 N번 반복합니다")
    message(FATAL_ERROR "LANG=ko_KR.UTF-8 crawlscope run --help is not in Korean:\n${output}")
endif()
list(LENGTH expected count)
message(STATUS "${count} files installed as expected into ${prefix}")
file(REMOVE_RECURSE "${prefix}")
