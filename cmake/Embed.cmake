# nblint_embed_resources(OUT BASES dir... FILES f...)
# Generates OUT, a C++ file defining nblint::resources::all(): every file as {path relative to the
# first of BASES it lies in, bytes}.
# Packs and rule pages are compiled into the binary so that a copied or installed nblint works
# anywhere, without a data directory.
function(nblint_embed_resources out)
  cmake_parse_arguments(ARG "" "" "BASES;FILES" ${ARGN})
  list(JOIN ARG_BASES "|" bases)
  set(list_file ${CMAKE_BINARY_DIR}/generated/resources.list)
  list(JOIN ARG_FILES "\n" joined)
  file(WRITE ${list_file}.tmp "${joined}\n")
  configure_file(${list_file}.tmp ${list_file} COPYONLY)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DBASES=${bases}" -DLIST=${list_file}
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${ARG_FILES} ${list_file} ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding rule packs and rule documentation"
    VERBATIM)
endfunction()
