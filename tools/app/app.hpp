#pragma once
// The one include a subcommand file needs: the run's context, input loading, rule selection,
// format checks, output files and every shared renderer (tools/render/).
#include "base/context.hpp"
#include "base/formats.hpp"
#include "app/inputs.hpp"
#include "base/output_file.hpp"
#include "base/selection.hpp"

#include "render/csv.hpp"
#include "render/findings.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"
#include "render/xml.hpp"
