# pypyready_library(NAME DEPENDS lib...)
#
# Declares the static library of one folder under src/: every *.cpp of the folder and its
# subfolders except *_test.cpp. Its unit tests (*_test.cpp beside the code) become one
# GoogleTest executable, NAME_tests, registered with ctest. DEPENDS lists the only libraries
# the folder may use, which is how the layering of design.md is enforced.
function(pypyready_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;EXTERNAL" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  set(tests ${sources})
  list(FILTER sources EXCLUDE REGEX "_test\\.cpp$")
  list(FILTER tests INCLUDE REGEX "_test\\.cpp$")

  add_library(pypyready_${name} STATIC ${sources})
  target_include_directories(pypyready_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(pypyready_${name} PUBLIC ${ARG_DEPENDS} ${ARG_EXTERNAL})

  if(PYPYREADY_TESTS AND tests)
    add_executable(${name}_tests ${tests})
    target_link_libraries(${name}_tests PRIVATE pypyready_${name} GTest::gtest GTest::gtest_main GTest::gmock)
    target_compile_definitions(${name}_tests PRIVATE
      PYPYREADY_SOURCE_DIR="${PROJECT_SOURCE_DIR}" PYPYREADY_BINARY_DIR="${PROJECT_BINARY_DIR}")
    gtest_discover_tests(${name}_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit)
  endif()
endfunction()
