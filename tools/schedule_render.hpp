#pragma once
// Kept so files written before the split into tools/render/ still compile; include the
// render/ header you need instead.
#include "render/html.hpp"
#include "render/ics.hpp"
#include "render/schedule.hpp"
