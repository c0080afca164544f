// Holds the precompiled catch.hpp that test binaries reuse.
