# ctest's deb_package: build the .deb with CPack, then check its version, its file list and its Depends (computed
# by dpkg-shlibdeps, plus the Hangul font). Run with -DBUILD_DIR= -DAPP_ID= -DVERSION= -DDPKG_DEB=.

set(out "${BUILD_DIR}/deb-test")
file(REMOVE_RECURSE "${out}")
execute_process(COMMAND cpack -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${out}"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cpack failed (${result}):\n${output}${errors}")
endif()
file(GLOB debs "${out}/crawlscope_${VERSION}_*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one crawlscope_${VERSION}_*.deb in ${out}, found: ${debs}")
endif()

execute_process(COMMAND "${DPKG_DEB}" -f "${debs}" Package Version Depends OUTPUT_VARIABLE fields)
foreach(pattern "Package: crawlscope\n" "Version: ${VERSION}\n" "Depends: [^\n]*libqt6widgets6"
        "Depends: [^\n]*libqt6network6" "Depends: [^\n]*libqt6svg6" "Depends: [^\n]*libgumbo"
        "Depends: [^\n]*libpsl5" "Depends: [^\n]*libc6" "Depends: [^\n]*fonts-noto-cjk")
    if(NOT fields MATCHES "${pattern}")
        message(FATAL_ERROR "The .deb's control fields do not match \"${pattern}\":\n${fields}")
    endif()
endforeach()

execute_process(COMMAND "${DPKG_DEB}" -c "${debs}" OUTPUT_VARIABLE listing)
foreach(file
        "./usr/bin/crawlscope"
        "./usr/share/applications/${APP_ID}.desktop"
        "./usr/share/metainfo/${APP_ID}.metainfo.xml"
        "./usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg"
        "./usr/share/icons/hicolor/48x48/apps/${APP_ID}.png"
        "./usr/share/crawlscope/translations/crawlscope_ko.qm"
        "./usr/share/crawlscope/translations/crawlscope_en.qm"
        "./usr/share/man/man1/crawlscope.1"
        "./usr/share/crawlscope/doc/README.ko.md")
    string(FIND "${listing}" "${file}\n" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "The .deb has no ${file}:\n${listing}")
    endif()
endforeach()
if(listing MATCHES "/usr/local/|tst_|/include/")
    message(FATAL_ERROR "The .deb holds files it should not:\n${listing}")
endif()
message(STATUS "${debs}\n${fields}")
