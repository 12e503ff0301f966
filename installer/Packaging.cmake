# Installed layout and packages (CPack): `cpack -G DEB` gives a .deb that depends on the Debian runtime packages,
# `cpack -G TGZ` a relocatable .tar.gz. Both hold the two programs, the bundled demo models and case (found by the
# programs at ../share/execg-studio beside their bin/), a desktop entry, the icon and the WFDB header's MIME type.
include(GNUInstallDirs)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/resources/models ${CMAKE_SOURCE_DIR}/resources/demo
        DESTINATION ${CMAKE_INSTALL_DATADIR}/execg-studio)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The cohort's Slurm templates (docs/cohort.md), to copy and adapt.
install(PROGRAMS ${CMAKE_SOURCE_DIR}/installer/slurm/submit-cohort.sh ${CMAKE_SOURCE_DIR}/installer/slurm/cohort-array.sbatch
                 ${CMAKE_SOURCE_DIR}/installer/slurm/cohort-merge.sbatch ${CMAKE_SOURCE_DIR}/installer/slurm/local-slurm.sh
        DESTINATION ${CMAKE_INSTALL_DATADIR}/execg-studio/slurm)
if(EXECG_BUILD_GUI)
  install(FILES ${CMAKE_SOURCE_DIR}/installer/execg-studio.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/execg-studio.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  install(FILES ${CMAKE_SOURCE_DIR}/installer/execg-studio-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
          RENAME execg-studio.xml)
endif()

set(CPACK_PACKAGE_NAME "execg-studio")
set(CPACK_PACKAGE_VENDOR "ExECG Studio")
set(CPACK_PACKAGE_CONTACT "ExECG Studio developers <execg-studio@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Explainable-AI review workstation for ECGs")
set(CPACK_PACKAGE_DESCRIPTION "Opens DICOM ECG and PhysioNet WFDB recordings, runs a TorchScript ECG model, shows
several explanation methods side by side on paper-style 12-lead charts, counterfactual ECGs and concept tests, and
writes PDF reports. Ships demo models trained on synthetic ECGs only: not for clinical use.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
# Shared-library dependencies from dpkg-shlibdeps (LibTorch, Qt 6, QCustomPlot, DCMTK, FLAC, ...), plus what the
# programs load at run time without linking it: OpenBLAS (several times faster LibTorch on CPU) and a font.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread | libblas3, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "shared-mime-info, desktop-file-utils, fonts-noto-cjk")   # fonts: the Korean interface
# gzip: a few seconds for ~30 MB where xz takes a minute on two cores.
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
