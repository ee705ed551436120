# The .deb: `cmake --build BUILD --target package` (or `make package`) runs CPack over what
# `cmake --install` installs: bin/pypyready, its man page and the bash and zsh completions. The
# probes (probes/*.py) and the knowledge base (data/packages.toml) are compiled into the binary,
# so the package needs no data folder and works from any prefix.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pypyready)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "pypyready")
set(CPACK_PACKAGE_CONTACT "pypyready maintainers <pypyready@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Should a Python project move from CPython to PyPy?")
set(CPACK_PACKAGE_DESCRIPTION
    "pypyready checks a Python project's dependencies against the C API PyPy exports, finds the "
    "code that behaves differently on PyPy, measures both interpreters on the project's own "
    "workload and tests, and gives one verdict with the evidence (text, Markdown, JSON, SARIF "
    "and a self-contained HTML report).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # pypyready_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # libfmt, libelf, libicu, ... from the binary's needs
# libcurl is loaded on first use (deps/libcurl.cpp), so the scan of the binary cannot see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libcurl4")
# What the analyses run: the two interpreters compared. Recommended, since scan works without.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3, pypy3")
set(CPACK_STRIP_FILES ON)
include(CPack)
