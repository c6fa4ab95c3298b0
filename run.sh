#!/usr/bin/env bash
# The README's first command: builds Toneline and scores the bundled sample conversations.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/Toneline.Cli -c Release -v quiet -nologo
dotnet src/Toneline.Cli/bin/Release/net10.0/toneline.dll score samples --output table "$@"
