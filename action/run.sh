#!/usr/bin/env bash
# The run step of the uninitlint GitHub Action (action.yml). Its inputs arrive as INPUT_*
# environment variables, never interpolated into a script, so that a branch name or a pull
# request's text cannot inject commands. It writes exit-code and sarif-file to $GITHUB_OUTPUT
# and fails only when uninitlint could not do its job (exit 1 or 2); findings (exit 3) are left
# to the action's last step, after the SARIF upload, so that they reach code scanning.
set -uo pipefail

format=${INPUT_FORMAT:-sarif}
args=(-format="$format")
read -r -a extra <<<"${INPUT_ARGS:-}"
read -r -a packages <<<"${INPUT_PACKAGES:-./...}"

rev=${INPUT_NEW_FROM_REV:-}
if [ -n "$rev" ]; then
	# A shallow checkout may lack the base commit; one commit is enough for git diff.
	if ! git rev-parse -q --verify "$rev^{commit}" >/dev/null; then
		git fetch -q --no-tags --depth=1 origin "$rev" ||
			{ echo "::error title=uninitlint::cannot fetch $rev to compare with; check out with fetch-depth: 0"; exit 1; }
	fi
	args+=(-new-from-rev="$rev")
fi

out=/dev/stdout
sarif=""
if [ "$format" = sarif ]; then
	sarif=${INPUT_SARIF_FILE:-uninitlint.sarif}
	out=$sarif
fi

rc=0
uninitlint "${args[@]}" "${extra[@]}" "${packages[@]}" >"$out" || rc=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
	{
		echo "exit-code=$rc"
		if [ "$rc" = 0 ] || [ "$rc" = 3 ]; then echo "sarif-file=$sarif"; fi
	} >>"$GITHUB_OUTPUT"
fi
case $rc in
0) echo "uninitlint: no findings" ;;
3) echo "uninitlint: findings reported${sarif:+ in $sarif}" ;;
*) echo "::error title=uninitlint::uninitlint failed (exit $rc); see the log above"; exit "$rc" ;;
esac
