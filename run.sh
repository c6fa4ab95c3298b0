#!/usr/bin/env bash
# The README's first command: builds Toneline, loads demo data when the database is missing, and
# starts the web app at the printed URL. Extra options go to 'toneline serve' (--urls, --db).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/Toneline.Cli -c Release -v quiet -nologo
toneline() { dotnet src/Toneline.Cli/bin/Release/net10.0/toneline.dll "$@"; }
if [ ! -f toneline.db ]; then
  toneline demo --conversations 5000 --days 90
fi
toneline serve "$@"
