# The inspector's page (tools/web/), built at build time from the npm
# registry through the machine's node and npm: `npm ci` from the committed
# package-lock.json, then `vite build`, both in the build tree (the source
# tree stays clean). Each step re-runs only when what it reads changes.
# Sets TLEDGER_WEB_DIST (the built files) and TLEDGER_WEB_STAMP (a file
# touched after each build), and TLEDGER_WEB_NODE_MODULES for the browser
# tests (tests/web/).
#
# Offline: `npm ci --prefer-offline` takes what npm's cache (~/.npm) holds
# and asks the registry only for the rest, so a machine that built once
# builds again without the network; a fresh machine without the registry
# cannot build the page: configure with -DTLEDGER_WEB=OFF (the API still
# works; `/` says the page is not built in).
find_program(TLEDGER_NODE node)
find_program(TLEDGER_NPM npm)
if(NOT TLEDGER_NODE OR NOT TLEDGER_NPM)
  message(FATAL_ERROR "tools/web needs node and npm (tools/install-deps.sh installs them), "
                      "or configure with -DTLEDGER_WEB=OFF for a tledger serve without its page")
endif()
execute_process(COMMAND ${TLEDGER_NODE} --version OUTPUT_VARIABLE _node_version OUTPUT_STRIP_TRAILING_WHITESPACE)
string(REGEX REPLACE "^v" "" _node_version "${_node_version}")
if(_node_version VERSION_LESS 20.19)
  message(FATAL_ERROR "tools/web needs Node.js 20.19 or later (Vite 7, playwright-core); found ${_node_version}. "
                      "Configure with -DTLEDGER_WEB=OFF to build without the page.")
endif()

set(_web_src ${PROJECT_SOURCE_DIR}/tools/web)
set(_web_build ${PROJECT_BINARY_DIR}/tools/web)
set(TLEDGER_WEB_DIST ${_web_build}/dist)
set(TLEDGER_WEB_STAMP ${_web_build}/dist.stamp)
set(TLEDGER_WEB_NODE_MODULES ${_web_build}/node_modules)
set(_npm_stamp ${_web_build}/node_modules/.package-lock.json)

add_custom_command(OUTPUT ${_npm_stamp}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${_web_build}
  COMMAND ${CMAKE_COMMAND} -E copy ${_web_src}/package.json ${_web_src}/package-lock.json ${_web_build}/
  COMMAND ${TLEDGER_NPM} ci --prefer-offline --no-audit --no-fund --ignore-scripts --loglevel=error
  WORKING_DIRECTORY ${_web_build}
  DEPENDS ${_web_src}/package.json ${_web_src}/package-lock.json
  COMMENT "npm ci from tools/web/package-lock.json"
  VERBATIM)

file(GLOB_RECURSE _web_sources CONFIGURE_DEPENDS
  ${_web_src}/src/* ${_web_src}/public/* ${_web_src}/tests/*)
list(APPEND _web_sources ${_web_src}/index.html ${_web_src}/vite.config.js)

add_custom_command(OUTPUT ${TLEDGER_WEB_STAMP}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${_web_build}/src ${_web_build}/public ${_web_build}/tests ${TLEDGER_WEB_DIST}
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${_web_src}/src ${_web_build}/src
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${_web_src}/tests ${_web_build}/tests
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${_web_src}/public ${_web_build}/public
  COMMAND ${CMAKE_COMMAND} -E copy ${_web_src}/index.html ${_web_src}/vite.config.js ${_web_build}/
  COMMAND ${TLEDGER_NODE} node_modules/vite/bin/vite.js build --logLevel warn
  COMMAND ${CMAKE_COMMAND} -E touch ${TLEDGER_WEB_STAMP}
  WORKING_DIRECTORY ${_web_build}
  DEPENDS ${_web_sources} ${_npm_stamp}
  COMMENT "vite build (tools/web)"
  VERBATIM)
add_custom_target(tledger_web DEPENDS ${TLEDGER_WEB_STAMP})
