# Sourced by deploy/run, deploy/test and .ci/run: make sure uv and the locked environment exist.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export UV_PYTHON_DOWNLOADS=never  # uv cannot fetch Python builds here: use the machine's Python 3.11
export PATH="$HOME/.local/bin:$PATH"
if ! command -v uv >/dev/null 2>&1; then
  echo "installing uv" >&2
  python3.11 -m pip install --quiet --user uv || python3.11 -m pip install --quiet uv
fi
uv sync --all-packages --frozen --quiet
