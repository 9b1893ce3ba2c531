#pragma once
// Kept so files written before the split into tools/render/ still compile; include
// "render/ics.hpp" instead.
#include "render/ics.hpp"
