# The layering is written down once, in the CMakeLists' target_link_libraries(). crawlscope_check_layers()
# makes the build enforce it for includes too: before a library compiles, each of its files may include only
# headers of its own folders and of the libraries it links (directly, or through their PUBLIC links). A
# wrong-direction include then fails the build even when it needs nothing at link time (a header-only use).

set(CRAWLSCOPE_LAYERS_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/CheckLayers.cmake)

# What `target` may include from: itself and every project library it links, following the PUBLIC links of
# those (a static library's PRIVATE links reach its users only as $<LINK_ONLY:...>, which is skipped).
function(_crawlscope_layer_closure target out)
    get_target_property(queue ${target} LINK_LIBRARIES)
    set(result ${target})
    while(queue)
        list(POP_FRONT queue item)
        if(NOT TARGET "${item}" OR "${item}" IN_LIST result OR "${item}" STREQUAL "crawlscope_config")
            continue()
        endif()
        get_target_property(imported ${item} IMPORTED)
        if(imported)
            continue()
        endif()
        list(APPEND result ${item})
        get_target_property(next ${item} INTERFACE_LINK_LIBRARIES)
        if(next)
            list(APPEND queue ${next})
        endif()
    endwhile()
    set(${out} ${result} PARENT_SCOPE)
endfunction()

# The project libraries `target` links directly, for the error message's picture of the graph.
function(_crawlscope_layer_links target out)
    get_target_property(links ${target} LINK_LIBRARIES)
    set(result "")
    foreach(item IN LISTS links)
        if(TARGET "${item}" AND NOT "${item}" STREQUAL "crawlscope_config")
            get_target_property(imported ${item} IMPORTED)
            if(NOT imported)
                list(APPEND result ${item})
            endif()
        endif()
    endforeach()
    set(${out} ${result} PARENT_SCOPE)
endfunction()

function(crawlscope_check_layers)
    set(manifest "set(LAYER_TARGETS ${ARGN})\n")
    set(roots "")
    foreach(target IN LISTS ARGN)
        get_target_property(base ${target} SOURCE_DIR)
        get_target_property(sources ${target} SOURCES)
        set(files "")
        set(dirs "")
        foreach(source IN LISTS sources)
            if(NOT source MATCHES "\\.(h|cpp)$")
                continue()
            endif()
            cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${base} NORMALIZE OUTPUT_VARIABLE file)
            cmake_path(IS_PREFIX PROJECT_SOURCE_DIR ${file} in_tree)
            if(NOT in_tree OR NOT EXISTS ${file})
                continue()
            endif()
            list(APPEND files ${file})
            cmake_path(GET file PARENT_PATH dir)
            list(APPEND dirs ${dir})
        endforeach()
        list(REMOVE_DUPLICATES dirs)
        set(files_${target} ${files})

        get_target_property(includes ${target} INTERFACE_INCLUDE_DIRECTORIES)
        foreach(include IN LISTS includes)
            cmake_path(IS_PREFIX PROJECT_SOURCE_DIR "${include}" in_tree)
            if(in_tree AND NOT include MATCHES "\\$<")
                list(APPEND roots ${include})
            endif()
        endforeach()

        _crawlscope_layer_closure(${target} allowed)
        _crawlscope_layer_links(${target} links)
        string(APPEND manifest
            "set(LAYER_${target}_DIRS \"${dirs}\")\n"
            "set(LAYER_${target}_ALLOWED \"${allowed}\")\n"
            "set(LAYER_${target}_LINKS \"${links}\")\n"
            "set(LAYER_${target}_FILES \"${files}\")\n")
    endforeach()
    list(REMOVE_DUPLICATES roots)
    string(APPEND manifest "set(LAYER_ROOTS \"${roots}\")\nset(LAYER_SOURCE_DIR \"${PROJECT_SOURCE_DIR}\")\n")

    # Rewritten only when it changes, so that a reconfigure does not rerun every check.
    set(manifest_file ${CMAKE_BINARY_DIR}/layers/manifest.cmake)
    file(WRITE ${manifest_file}.new "${manifest}")
    file(COPY_FILE ${manifest_file}.new ${manifest_file} ONLY_IF_DIFFERENT)

    foreach(target IN LISTS ARGN)
        set(stamp ${CMAKE_BINARY_DIR}/layers/${target}.stamp)
        add_custom_command(OUTPUT ${stamp}
            COMMAND ${CMAKE_COMMAND} -DMANIFEST=${manifest_file} -DTARGET=${target} -DSTAMP=${stamp}
                    -P ${CRAWLSCOPE_LAYERS_SCRIPT}
            DEPENDS ${files_${target}} ${manifest_file} ${CRAWLSCOPE_LAYERS_SCRIPT}
            COMMENT "Checking the includes of ${target} against the library graph"
            VERBATIM)
        add_custom_target(${target}_layers DEPENDS ${stamp})
        add_dependencies(${target} ${target}_layers)
    endforeach()
endfunction()
