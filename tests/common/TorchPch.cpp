// The translation unit that builds the torch tests' shared precompiled header (tests/CMakeLists.txt).
