# Install-time step of deployment/CMakeLists.txt: copies the systemd unit and
# the launchd plist under the install prefix, replacing the /usr/local paths
# they were written with by that prefix. Runs inside `cmake --install`, where
# CMAKE_INSTALL_PREFIX is the final prefix and DESTDIR (if set) is honoured.
function(foreman_install_rewritten src dest_dir)
  file(READ "${src}" text)
  string(REPLACE "/usr/local/bin/" "${CMAKE_INSTALL_PREFIX}/bin/" text "${text}")
  string(REPLACE "/usr/local/share/" "${CMAKE_INSTALL_PREFIX}/share/" text "${text}")
  get_filename_component(name "${src}" NAME)
  set(out "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/${dest_dir}/${name}")
  message(STATUS "Installing: ${out}")
  file(MAKE_DIRECTORY "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/${dest_dir}")
  file(WRITE "${out}" "${text}")
endfunction()

if(FOREMAN_INSTALL_UNIT)
  foreman_install_rewritten("${FOREMAN_DEPLOY_SRC}/linux/foreman-agent.service" "lib/systemd/system")
endif()
foreman_install_rewritten("${FOREMAN_DEPLOY_SRC}/macos/dev.llmkube.foreman-agent.plist" "share/foreman/macos")
