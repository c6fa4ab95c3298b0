#!/usr/bin/env bash
# Memory benchmark for streaming (issue 3: "streaming a 1 GB JSONL through `toneline score` in under
# 250 MB RSS"). Not a test: it generates a synthetic JSONL of about TONELINE_BENCH_MB megabytes
# (default 1024) in /tmp, scores it with `--output jsonl > /dev/null` under /usr/bin/time -v, and
# prints peak RSS and conversations per second.
#   benchmarks/score-memory.sh            # ~1 GB
#   TONELINE_BENCH_MB=100 benchmarks/score-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes="${TONELINE_BENCH_MB:-1024}"
file="/tmp/toneline-score-memory-${megabytes}mb.jsonl"

if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time for peak RSS..." >&2
    sudo apt-get install -y time >/dev/null || apt-get install -y time >/dev/null
fi

if [[ ! -s "$file" ]]; then
    echo "generating $file (~${megabytes} MB)..." >&2
    python3 - "$file" "$megabytes" <<'PY'
import json, random, sys
path, megabytes = sys.argv[1], int(sys.argv[2])
random.seed(20250304)  # fixed: the same file on every machine
customer = [
    "Hi, I was charged twice for March and I'm really annoyed.",
    "I've been on hold for forty minutes, this is ridiculous.",
    "The internet keeps dropping every evening since Tuesday.",
    "I want to cancel my account, I'm done with this.",
    "Thanks, that actually fixed it!",
    "Not happy at all, I was transferred three times.",
    "Can you tell me when the technician will arrive?",
    "No problems or complaints, just checking my plan.",
    "Great, that works now, thank you so much :)",
    "It still doesn't work after the update.",
    "I'd be happy if it worked, but it doesn't.",
    "My name is #NAME# and my account number is [redacted].",
    "Honestly the app is SO slow!!!",
    "Okay, I guess that's fine.",
    "I'm worried the refund won't arrive before the weekend.",
    "Perfect, you saved my day 🎉",
    "That's not what I was told last time.",
    "Could you escalate this to a supervisor please?",
]
agent = [
    "Thank you for calling, how can I help you today?",
    "I'm sorry for the inconvenience, let me look into that.",
    "I can see the duplicate charge on your account.",
    "I've issued a refund, it should arrive in 3-5 business days.",
    "Let me transfer you to our technical team.",
    "Could you restart the router and tell me what the lights show?",
    "I completely understand your frustration.",
    "The issue is resolved on our side now.",
    "Is there anything else I can help you with?",
    "I've escalated the ticket to my supervisor.",
    "Thanks for your patience while I check.",
    "Your plan includes unlimited data and calls.",
]
channels = ["call", "chat", "email"]
target = megabytes * 1024 * 1024
written = 0
n = 0
with open(path, "w", encoding="utf-8") as out:
    while written < target:
        n += 1
        turns = []
        for t in range(random.randint(6, 16)):
            speaker = "agent" if t % 2 == 0 else "customer"
            text = random.choice(agent if speaker == "agent" else customer)
            if random.random() < 0.3:
                text += " " + random.choice(agent if speaker == "agent" else customer)
            turns.append({"speaker": speaker, "text": text, "start": t * 7.5, "end": t * 7.5 + 6.0})
        conversation = {
            "id": f"bench-{n:08d}",
            "channel": random.choice(channels),
            "agent": {"id": f"a-{random.randint(100, 999)}", "name": random.choice(["Dana", "Omar", "Aiko", "Lee"])},
            "topics": random.sample(["billing", "outage", "refund", "cancellation", "delivery"], 2),
            "turns": turns,
        }
        line = json.dumps(conversation, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
print(f"{n} conversations", file=sys.stderr)
PY
fi

dotnet build src/Toneline.Cli -c Release -v quiet -nologo >&2
size=$(stat -c %s "$file")
conversations=$(wc -l < "$file")
log=$(mktemp)
/usr/bin/time -v dotnet src/Toneline.Cli/bin/Release/net10.0/toneline.dll score "$file" --output jsonl --no-progress \
    > /dev/null 2> "$log" || { cat "$log" >&2; exit 1; }
rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$log")
seconds=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
echo "file:          $file ($(awk -v b="$size" 'BEGIN { printf "%.0f MB", b / 1048576 }'), $conversations conversations)"
echo "machine:       $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -m)"
echo "peak RSS:      $(awk -v k="$rss_kb" 'BEGIN { printf "%.1f MB", k / 1024 }')"
echo "wall time:     ${seconds} s"
echo "throughput:    $(awk -v n="$conversations" -v s="$seconds" 'BEGIN { printf "%.0f conversations/s, %.1f MB/s", n / s, 0 }' | sed 's/, 0.0 MB\/s//')"
awk -v b="$size" -v s="$seconds" 'BEGIN { printf "               %.1f MB/s of input\n", b / 1048576 / s }'
rm -f "$log"
