// The translation unit that builds the Qt tests' shared precompiled <QtTest> headers (tests/CMakeLists.txt).
