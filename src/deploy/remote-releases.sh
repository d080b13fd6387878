# Runs on the server, sent over ssh as `sh -s -- ACTION DIR ARGS…` by src/deploy/ssh-target.ts.
#
# DIR holds releases/<name>/, one complete site each, and `current`, a symlink to one of them that
# nginx serves (root DIR/current). A site built for a sub-path (--base /gk/) sits in
# releases/<name>/gk/, so that /gk/… under that root is the site. A new release is uploaded as
# releases/<name>.uploading/, renamed when complete, and put in service by renaming a new symlink
# over `current` (mv -T: one rename, so a reader gets the old site or the new one, never neither).
# The newest releases are kept for --rollback; a release rolled back from is renamed
# <name>.withdrawn and removed by the next deploy.
#
# DIR/.deploy-lock is the deploy lock: mkdir either makes it or fails, atomically, so of two
# deploys started at once from different computers exactly one goes ahead. It holds `token` (the
# holder's random id, so that only the holder releases it), `since` (the server's clock, in
# seconds) and `owner` (who and where, base64 of the deploy's JSON). It lies beside `current`,
# outside what nginx serves.
#
# Prints key=value lines for the deploy to read; a state the deploy explains to the office ends
# with error=CODE and exit status 3. Every argument is made by the deploy from a small set of
# characters (letters, digits, . _ - / + =), as they pass through the remote shell unquoted.
#
#   inspect DIR SUB                          current, releases, lock; whether current has SUB
#   prepare DIR RELEASE SUB TOKEN OWNER      takes the lock, makes releases/<name>.uploading/SUB
#   switch  DIR RELEASE SUB TOKEN            puts the upload in service, releases the lock
#   rollback DIR TOKEN OWNER                 current back to the release before it, under the lock
#   unlock DIR TOKEN                         releases the lock if TOKEN holds it
#   break-lock DIR                           removes the lock whoever holds it (--unlock)
#
# SUB is the site's folder inside a release: `gk` for --base /gk/, `.` for a site at the root.
set -u
action=$1
dir=$2
shift 2
keep=3
lock="$dir/.deploy-lock"
token=
owned=

fail() {
  if [ -n "$owned" ]; then release_lock; fi
  echo "error=$1"
  exit 3
}

# The lock's holder, for a deploy that finds it taken. The lock's own time stands in for `since`
# while the holder is still writing it.
lock_info() {
  if [ -d "$lock" ]; then
    echo "locked=1"
    echo "holder=$(cat "$lock/owner" 2>/dev/null)"
    since=$(cat "$lock/since" 2>/dev/null)
    [ -n "$since" ] || since=$(stat -c %Y "$lock" 2>/dev/null)
    echo "since=$since"
  fi
}

take_lock() {
  owner=$1
  if mkdir "$lock" 2>/dev/null; then
    owned=1
    printf '%s\n' "$token" >"$lock/token"
    date +%s >"$lock/since"
    printf '%s\n' "$owner" >"$lock/owner"
  else
    lock_info
    fail locked
  fi
}

holds_lock() {
  [ -n "$token" ] && [ "$(cat "$lock/token" 2>/dev/null)" = "$token" ]
}

release_lock() {
  if holds_lock; then
    rm -rf "$lock" && echo "unlocked=1"
  fi
  owned=
}

# The release `current` points at, if any.
current_name() {
  if [ -L "$dir/current" ]; then
    target=$(readlink "$dir/current") || return 0
    target=${target%/}
    echo "${target##*/}"
  fi
}

# Complete releases, oldest first (names start with the deploy time).
releases() {
  [ -d "$dir/releases" ] || return 0
  ls -1 "$dir/releases" | LC_ALL=C sort | while IFS= read -r name; do
    case $name in
      *.uploading | *.withdrawn | .*) ;;
      *) if [ -d "$dir/releases/$name" ]; then echo "$name"; fi ;;
    esac
  done
}

report() {
  echo "current=$(current_name)"
  releases | sed 's/^/release=/'
}

# Whether the current release has the site's folder: rsync then hard-links unchanged files from it.
report_link_dest() {
  name=$(current_name)
  if [ -n "$name" ] && [ -d "$dir/releases/$name/$1" ]; then echo "linkdest=$name"; fi
}

check_current() {
  if [ -e "$dir/current" ] && [ ! -L "$dir/current" ]; then fail current-not-link; fi
}

switch_to() {
  link="$dir/.current-$$"
  rm -f "$link"
  ln -s "releases/$1" "$link" || fail symlink
  if ! mv -T "$link" "$dir/current"; then
    rm -f "$link"
    fail rename
  fi
}

# Keeps the newest $keep releases and the current one.
prune() {
  current=$(current_name)
  count=$(releases | wc -l)
  excess=$((count - keep))
  if [ "$excess" -gt 0 ]; then
    releases | head -n "$excess" | while IFS= read -r name; do
      if [ "$name" != "$current" ]; then
        rm -rf "${dir:?}/releases/$name" && echo "removed=$name"
      fi
    done
  fi
  for withdrawn in "$dir"/releases/*.withdrawn; do
    if [ -d "$withdrawn" ]; then rm -rf "$withdrawn" && echo "removed=${withdrawn##*/}"; fi
  done
}

case $action in
  inspect)
    check_current
    report
    report_link_dest "$1"
    lock_info
    ;;
  prepare)
    release=$1 sub=$2 token=$3
    check_current
    mkdir -p "$dir/releases" 2>/dev/null || fail mkdir
    [ -w "$dir/releases" ] || fail not-writable
    command -v rsync >/dev/null 2>&1 || fail no-rsync
    take_lock "$4"
    # Uploads cut off by an earlier deploy; only now, under the lock, is none of them running.
    for partial in "$dir"/releases/*.uploading; do
      if [ -d "$partial" ]; then rm -rf "$partial"; fi
    done
    name=$release
    n=2
    while [ -e "$dir/releases/$name" ] || [ -e "$dir/releases/$name.withdrawn" ]; do
      name=$release-$n
      n=$((n + 1))
    done
    # rsync makes only the last folder of its destination; readers need every level readable.
    (umask 022 && mkdir -p "$dir/releases/$name.uploading/$sub") || fail mkdir
    echo "upload=$name"
    report_link_dest "$sub"
    report
    ;;
  switch)
    release=$1 sub=$2 token=$3
    holds_lock || fail lock-lost
    check_current
    [ -f "$dir/releases/$release.uploading/$sub/index.html" ] || fail incomplete
    mv "$dir/releases/$release.uploading" "$dir/releases/$release" || fail rename
    switch_to "$release"
    prune
    release_lock
    report
    ;;
  rollback)
    token=$1
    check_current
    take_lock "$2"
    current=$(current_name)
    [ -n "$current" ] || fail no-current
    previous=$(releases | awk -v c="$current" '($0 "") < (c "")' | tail -n 1)
    [ -n "$previous" ] || fail no-previous
    switch_to "$previous"
    mv "$dir/releases/$current" "$dir/releases/$current.withdrawn" 2>/dev/null
    echo "from=$current"
    release_lock
    report
    ;;
  unlock)
    token=$1
    release_lock
    ;;
  break-lock)
    lock_info
    if [ -d "$lock" ]; then rm -rf "$lock" && echo "unlocked=1"; fi
    ;;
  *)
    fail unknown-action
    ;;
esac
