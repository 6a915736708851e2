# Fetches tree-sitter-python from the npm registry at configure time and checks it
# against a pinned sha256. 0.23.6 is the last release whose generated parser uses
# ABI 14, the newest ABI that Debian's libtree-sitter 0.20.7 loads.
set(TRAJC_GRAMMAR_VERSION "0.23.6")
set(TRAJC_GRAMMAR_SHA256 "aab5b860d93dbf84b37fed532f7dacc0468ede5387d0c74911d68f964287662a")
set(TRAJC_DEPS_DIR "${CMAKE_SOURCE_DIR}/.deps" CACHE PATH "Where fetched third-party sources are kept")

set(_tgz "${TRAJC_DEPS_DIR}/tree-sitter-python-${TRAJC_GRAMMAR_VERSION}.tgz")
set(_src "${TRAJC_DEPS_DIR}/tree-sitter-python-${TRAJC_GRAMMAR_VERSION}")

if(EXISTS "${_tgz}")
  file(SHA256 "${_tgz}" _have)
  if(NOT _have STREQUAL TRAJC_GRAMMAR_SHA256)
    file(REMOVE "${_tgz}")
    file(REMOVE_RECURSE "${_src}")
  endif()
endif()

if(NOT EXISTS "${_tgz}")
  find_program(NPM npm REQUIRED)
  file(MAKE_DIRECTORY "${TRAJC_DEPS_DIR}")
  execute_process(
    COMMAND "${NPM}" pack "tree-sitter-python@${TRAJC_GRAMMAR_VERSION}" --silent
            --pack-destination "${TRAJC_DEPS_DIR}"
    RESULT_VARIABLE _rc OUTPUT_QUIET)
  if(NOT _rc EQUAL 0 OR NOT EXISTS "${_tgz}")
    message(FATAL_ERROR "npm pack tree-sitter-python@${TRAJC_GRAMMAR_VERSION} failed; run scripts/setup.sh or check that the npm registry is reachable")
  endif()
  file(SHA256 "${_tgz}" _have)
  if(NOT _have STREQUAL TRAJC_GRAMMAR_SHA256)
    file(REMOVE "${_tgz}")
    message(FATAL_ERROR "tree-sitter-python-${TRAJC_GRAMMAR_VERSION}.tgz has sha256 ${_have}, expected ${TRAJC_GRAMMAR_SHA256}")
  endif()
endif()

if(NOT EXISTS "${_src}/src/parser.c")
  file(MAKE_DIRECTORY "${_src}")
  file(ARCHIVE_EXTRACT INPUT "${_tgz}" DESTINATION "${_src}" PATTERNS package/src)
  file(RENAME "${_src}/package/src" "${_src}/src")
  file(REMOVE_RECURSE "${_src}/package")
endif()

# The external scanner saves each indentation column as ONE byte when tree-sitter
# snapshots its state, so a column of 256 or more (64 blocks nested 4 spaces deep, valid
# Python up to CPython's 100 levels) comes back wrong and the file mis-parses into a
# false syntax error. The build uses a copy of scanner.c that saves each column as two
# bytes, little endian (100 levels take 200 of the 1,024 bytes tree-sitter gives a
# snapshot). The copy is made here rather than committed, and a grammar whose text no
# longer matches stops the configure, so that an upgrade cannot drop the fix silently.
file(READ "${_src}/src/scanner.c" _scanner)
set(_save_old [=[
    for (; iter < scanner->indents.size && size < TREE_SITTER_SERIALIZATION_BUFFER_SIZE; ++iter) {
        buffer[size++] = (char)*array_get(&scanner->indents, iter);
    }]=])
set(_save_new [=[
    for (; iter < scanner->indents.size && size + 1 < TREE_SITTER_SERIALIZATION_BUFFER_SIZE; ++iter) {
        uint16_t indent = *array_get(&scanner->indents, iter);  /* trajc: two bytes per column */
        buffer[size++] = (char)(indent & 0xFF);
        buffer[size++] = (char)(indent >> 8);
    }]=])
set(_load_old [=[
        for (; size < length; size++) {
            array_push(&scanner->indents, (unsigned char)buffer[size]);
        }]=])
set(_load_new [=[
        for (; size + 1 < length; size += 2) {  /* trajc: two bytes per column */
            array_push(&scanner->indents, (uint16_t)((unsigned char)buffer[size] | ((unsigned char)buffer[size + 1] << 8)));
        }]=])
foreach(_part save load)
  string(FIND "${_scanner}" "${_${_part}_old}" _at)
  if(_at EQUAL -1)
    message(FATAL_ERROR "${_src}/src/scanner.c: the indentation ${_part} code trajc patches (two bytes per column) was not found; check the new grammar's scanner and update scripts/fetch_grammar.cmake")
  endif()
  string(REPLACE "${_${_part}_old}" "${_${_part}_new}" _scanner "${_scanner}")
endforeach()
file(WRITE "${CMAKE_BINARY_DIR}/grammar/scanner.c.new" "${_scanner}")
configure_file("${CMAKE_BINARY_DIR}/grammar/scanner.c.new" "${CMAKE_BINARY_DIR}/grammar/scanner.c" COPYONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_src}/src/scanner.c")

# The generated parser is third-party C: built without our warnings or sanitizers.
add_library(trajc_grammar STATIC "${_src}/src/parser.c" "${CMAKE_BINARY_DIR}/grammar/scanner.c")
target_include_directories(trajc_grammar PRIVATE "${_src}/src")
set_target_properties(trajc_grammar PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(trajc_grammar PRIVATE -w -O2 -fno-sanitize=all)
