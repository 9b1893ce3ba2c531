# Install layout and the Debian package (issue 15). Included from the top CMakeLists.txt after
# tools/, so the xuncha target exists: the completion scripts and xuncha-rules(7) are generated at
# build time by running the built binary (from the command and rule registries), and every man
# page is compressed with `gzip -9n` (no name or time stamp: byte-identical builds).

# The date printed in generated pages (the .TH line); the hand-written pages carry the same.
set(XUNCHA_MAN_DATE "2026-12-01" CACHE STRING "Date of the generated man pages (YYYY-MM-DD)")

set(gen ${PROJECT_BINARY_DIR}/generated)
set(generated_files "")

# Completion scripts.
foreach(shell bash zsh fish)
  set(out ${gen}/completions/xuncha.${shell})
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${gen}/completions
    COMMAND sh -c "\"$1\" completion ${shell} > \"$2\"" sh $<TARGET_FILE:xuncha> ${out}
    DEPENDS xuncha
    COMMENT "Generating the ${shell} completion script"
    VERBATIM)
  list(APPEND generated_files ${out})
endforeach()

# xuncha-rules(7) from the rule registry.
set(rules_page ${gen}/man/xuncha-rules.7)
add_custom_command(OUTPUT ${rules_page}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${gen}/man
  COMMAND sh -c "\"$1\" --lang en --as-of \"$2\" rule --all -f man > \"$3\"" sh $<TARGET_FILE:xuncha> ${XUNCHA_MAN_DATE} ${rules_page}
  DEPENDS xuncha
  COMMENT "Generating xuncha-rules(7) from the rule registry"
  VERBATIM)
list(APPEND generated_files ${rules_page})

# Every man page, gzipped for installation.
file(GLOB man_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/man/*.[1-9])
foreach(page ${man_sources} ${rules_page})
  get_filename_component(name ${page} NAME)
  string(REGEX REPLACE ".*\\.([1-9])$" "\\1" section ${name})
  set(out ${gen}/man-gz/man${section}/${name}.gz)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${gen}/man-gz/man${section}
    COMMAND sh -c "gzip -9nc \"$1\" > \"$2\"" sh ${page} ${out}
    DEPENDS ${page}
    VERBATIM)
  list(APPEND generated_files ${out})
  install(FILES ${out} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
endforeach()
add_custom_target(xuncha_generated ALL DEPENDS ${generated_files})

install(FILES ${gen}/completions/xuncha.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME xuncha)
install(FILES ${gen}/completions/xuncha.zsh DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions
        RENAME _xuncha)
install(FILES ${gen}/completions/xuncha.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d
        RENAME xuncha.fish)
install(FILES README.md docs/data-format.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The projected holiday calendar (years past the last published notice), also compiled into the
# binary for `xuncha init`; installed for offices that point --calendar at it.
install(FILES data/calendar-projected.yaml DESTINATION ${CMAKE_INSTALL_DATADIR}/xuncha)
install(DIRECTORY examples DESTINATION ${CMAKE_INSTALL_DOCDIR})

# ---- the Debian package: `cpack -G DEB` in the build folder ----
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME xuncha)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# The Maintainer field: whoever publishes the package sets it (-DXUNCHA_PACKAGE_MAINTAINER=...).
set(XUNCHA_PACKAGE_MAINTAINER "xuncha maintainers <xuncha@localhost>" CACHE STRING
    "Maintainer field of the Debian package: name <email> of whoever publishes it")
set(CPACK_PACKAGE_CONTACT "${XUNCHA_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Runtime libraries (libyaml-cpp, libfmt, libutf8proc, libstdc++, ...) from dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "man-db, bash-completion")
# CPack puts the summary on the first line and indents these.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "xuncha reads an inspection office's YAML data (regions, units, people,
appointments, teams, tours, policy, calendar), checks it against the
provincial regulation on safety-production inspection tours, generates the
rotation schedule, and tracks procedure deadlines in working days.")
include(CPack)
