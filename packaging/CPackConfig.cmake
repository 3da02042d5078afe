# SPDX-License-Identifier: GPL-3.0-or-later
# A Debian package of the app: `./dev package` (cpack -G DEB in build/).
set(CPACK_PACKAGE_NAME "rapport")
set(CPACK_PACKAGE_VENDOR "Rapport")
set(CPACK_PACKAGE_CONTACT "Rapport developers <rapport@example.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_DEBIAN_PACKAGE_SECTION "office")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The SQLite driver is a plugin the linker cannot see; depend on it by hand.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, tzdata")
include(CPack)
