# ctest -P script: the parts of a split Catch2 executable (see trajc_add_test) together
# select every TEST_CASE exactly once. BINARY: the executable; PARTS_FILE: sets TRAJC_PARTS,
# one entry per part, its Catch2 arguments joined with "|".
cmake_minimum_required(VERSION 3.22)
include(${PARTS_FILE})

function(list_cases out)
  execute_process(COMMAND ${BINARY} ${ARGN} --list-test-names-only
                  OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  # Catch2 v2 returns the number of listed tests, so rc is not an error code here.
  # Test names may hold ";", CMake's list separator: compare them with it spelled out.
  string(REPLACE ";" "<semicolon>" text "${text}")
  string(REGEX REPLACE "\r?\n" ";" lines "${text}")
  list(FILTER lines EXCLUDE REGEX "^$")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

list_cases(all)
list(LENGTH all n_all)
if(n_all EQUAL 0)
  message(FATAL_ERROR "${BINARY} lists no test cases")
endif()
set(selected "")
foreach(spec IN LISTS TRAJC_PARTS)
  string(REPLACE "|" ";" args "${spec}")
  list_cases(cases ${args})
  list(LENGTH cases n)
  if(n EQUAL 0)
    message(FATAL_ERROR "part '${spec}' selects no test case")
  endif()
  list(APPEND selected ${cases})
endforeach()
list(SORT all)
list(SORT selected)
if(NOT all STREQUAL selected)
  set(missing ${all})
  list(REMOVE_ITEM missing ${selected})
  message(FATAL_ERROR "the parts do not cover each test case exactly once\n"
                      "not run by any part: ${missing}\n"
                      "(a case listed twice below runs in two parts)\n"
                      "selected: ${selected}\nall: ${all}")
endif()
list(LENGTH TRAJC_PARTS n_parts)
message(STATUS "${n_all} test cases, each in exactly one of ${n_parts} parts")
