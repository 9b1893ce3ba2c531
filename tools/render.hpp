#pragma once
// Kept so subcommand files written before the split into tools/render/ still compile;
// new code includes "app.hpp" (which has all of this) or the render/ header it needs.
#include "app.hpp"
