#pragma once
// The one include a subcommand file needs: the run's context, input loading, rule selection,
// format checks, output files and every shared renderer (tools/render/).
#include "context.hpp"
#include "formats.hpp"
#include "inputs.hpp"
#include "output_file.hpp"
#include "selection.hpp"

#include "render/csv.hpp"
#include "render/findings.hpp"
#include "render/json.hpp"
#include "render/terminal.hpp"
#include "render/xml.hpp"
