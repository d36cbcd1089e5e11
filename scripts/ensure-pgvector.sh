#!/usr/bin/env bash
# Makes sure a PostgreSQL 15 server and the pgvector extension are on this machine, for the RAG ingest
# handler's tests (tests/handlers/rag): they start a throwaway server and run `CREATE EXTENSION vector`.
#
# Idempotent: does nothing when initdb and vector.control are both there. Otherwise it installs with
# apt-get, running `apt-get update` only when apt has no candidate for a package yet:
#   - postgresql-15 when initdb is missing;
#   - postgresql-15-pgvector when Debian's release has it (bookworm does not: its main, updates,
#     security and backports suites carry no pgvector binary), else it builds Debian's own `pgvector`
#     source package (from the next release's deb-src, fetched with `apt-get source` through a private
#     apt state in a temp dir, so the machine's sources.list is not changed) against
#     postgresql-server-dev-15 and `make install`s it. Needs root (or sudo).
set -euo pipefail

PG_MAJOR="${PG_MAJOR:-15}"
PG_BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
VECTOR_CONTROL="/usr/share/postgresql/${PG_MAJOR}/extension/vector.control"
# Debian suite whose source package `pgvector` is built when no binary package exists here.
PGVECTOR_SOURCE_SUITE="${PGVECTOR_SOURCE_SUITE:-trixie}"

[[ -x "${PG_BIN}/initdb" && -f "${VECTOR_CONTROL}" ]] && exit 0

SUDO=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null || { echo "ensure-pgvector: need root or sudo to install packages" >&2; exit 1; }
  SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive

has_candidate() { apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [0-9]'; }
updated=0
apt_install() {  # apt_install PKG...: update the lists once, only if one of PKG has no candidate yet
  local pkg
  for pkg in "$@"; do
    if ((updated == 0)) && ! has_candidate "${pkg}"; then
      "${SUDO[@]}" apt-get update -qq
      updated=1
    fi
  done
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

packages=()
[[ -x "${PG_BIN}/initdb" ]] || packages+=("postgresql-${PG_MAJOR}")
echo "ensure-pgvector: installing ${packages[*]:+${packages[*]} and }pgvector for PostgreSQL ${PG_MAJOR}"
if ((${#packages[@]})); then
  # The tests start their own throwaway server; don't let the package create and start a "main"
  # cluster on port 5432 (postgresql-common reads createcluster.d, see createcluster.conf(5)).
  "${SUDO[@]}" mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" | "${SUDO[@]}" tee /etc/postgresql-common/createcluster.d/ensure-pgvector.conf >/dev/null
  apt_install "${packages[@]}"
fi

if [[ ! -f "${VECTOR_CONTROL}" ]]; then
  if has_candidate "postgresql-${PG_MAJOR}-pgvector" \
     || { ((updated == 0)) && "${SUDO[@]}" apt-get update -qq && updated=1 \
          && has_candidate "postgresql-${PG_MAJOR}-pgvector"; }; then
    apt_install "postgresql-${PG_MAJOR}-pgvector"
  else
    apt_install "postgresql-server-dev-${PG_MAJOR}" make gcc dpkg-dev
    work="$(mktemp -d)"
    trap 'rm -rf "${work}"' EXIT
    mkdir -p "${work}/parts" "${work}/lists/partial" "${work}/cache/archives/partial" "${work}/src"
    cat > "${work}/parts/pgvector-src.sources" <<SOURCES
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: ${PGVECTOR_SOURCE_SUITE}
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    apt_opts=(-o Dir::Etc::sourcelist=/dev/null -o "Dir::Etc::sourceparts=${work}/parts"
              -o "Dir::State::Lists=${work}/lists" -o "Dir::Cache=${work}/cache"
              -o APT::Sandbox::User=root)
    apt-get "${apt_opts[@]}" update -qq
    (cd "${work}/src" && apt-get "${apt_opts[@]}" source -qq pgvector >/dev/null 2>&1)
    srcdir="$(find "${work}/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"
    [[ -n "${srcdir}" ]] || { echo "ensure-pgvector: apt-get source pgvector gave no source tree" >&2; exit 1; }
    # with_llvm=no: skip the JIT bitcode, which would need clang; OPTFLAGS="": no -march=native, so the
    # library also loads on another CPU of the same architecture.
    make -s -C "${srcdir}" PG_CONFIG="${PG_BIN}/pg_config" with_llvm=no OPTFLAGS="" -j2 >/dev/null
    "${SUDO[@]}" make -s -C "${srcdir}" PG_CONFIG="${PG_BIN}/pg_config" with_llvm=no OPTFLAGS="" install >/dev/null
  fi
fi

[[ -x "${PG_BIN}/initdb" ]] || { echo "ensure-pgvector: ${PG_BIN}/initdb still missing" >&2; exit 1; }
[[ -f "${VECTOR_CONTROL}" ]] || { echo "ensure-pgvector: ${VECTOR_CONTROL} still missing" >&2; exit 1; }
