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

# The generated parser is third-party C: built without our warnings or sanitizers.
add_library(trajc_grammar STATIC "${_src}/src/parser.c" "${_src}/src/scanner.c")
target_include_directories(trajc_grammar PRIVATE "${_src}/src")
set_target_properties(trajc_grammar PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(trajc_grammar PRIVATE -w -O2 -fno-sanitize=all)
