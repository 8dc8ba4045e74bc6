/// The HTML plan report's inline style and script: nothing loads from anywhere, so the file works opened from disk.
enum PlanHTMLPage {
    /// The page's CSS.
    static let style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem;
          color: #1f2328; background: #fff; }
        h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
        h3 { font-size: 1rem; margin: .8rem 0 .2rem; }
        code, .rows { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
        #summary { font-weight: 600; font-size: 1.05rem; margin: 0; }
        .warning { background: #fff1f0; border-left: 4px solid #cf222e; padding: .4rem .7rem; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #d0d7de; padding: .2rem .6rem; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        thead th { background: #f6f8fa; }
        .toolbar { display: flex; gap: 1rem; align-items: center; margin: .5rem 0 .8rem; }
        #filter { width: 26rem; max-width: 60vw; padding: .3rem .5rem; font: inherit; }
        #shown { color: #57606a; }
        details.group { border: 1px solid #d0d7de; border-radius: 6px; margin: .4rem 0; }
        details.group > summary { cursor: pointer; padding: .35rem .6rem; background: #f6f8fa; }
        .tally, .count { margin-left: .8rem; color: #57606a; }
        .rows { padding: .2rem .6rem; }
        .change { padding: .15rem 0; border-bottom: 1px dotted #eaeef2; }
        .symbol { display: inline-block; width: 2.2rem; font-weight: 700; }
        .create .symbol { color: #1a7f37; } .update .symbol { color: #9a6700; }
        .replace .symbol, .delete .symbol { color: #cf222e; }
        .field { padding-left: 2.2rem; color: #424a53; }
        .field .name { color: #0550ae; }
        .old { color: #82071e; } .new { color: #116329; } .sensitive { font-style: italic; color: #57606a; }
        .forces { margin-left: .6rem; color: #cf222e; }
        .more { margin: .3rem .6rem .5rem; }
        .why { margin: 0; color: #57606a; }
        """

    /// The page's script: reads the changes from the `plan-data` JSON once, opens the first groups with a page of rows
    /// each, adds rows a page at a time, and filters on the words typed (or given as `#filter=…` or `?filter=…` in the
    /// address, applied at load).
    static let script = """
        "use strict";
        (function () {
          var started = performance.now();
          var SYMBOLS = ["+", "~", "-/+", "-"];
          var ACTIONS = ["create", "update", "replace", "delete"];
          var PAGE = 200;   // rows added to a group at a time
          var BUDGET = 400; // rows shown at load or after filtering, over the groups opened first
          var data = JSON.parse(document.getElementById("plan-data").textContent);
          var input = document.getElementById("filter");
          var shown = document.getElementById("shown");
          function ready() {
            document.body.setAttribute("data-ready-ms", String(Math.round(performance.now() - started)));
          }
          if (!input) return ready();
          var total = 0;
          var groups = Array.prototype.map.call(document.querySelectorAll("details.group"), function (element, index) {
            var group = data.groups[index];
            total += group.changes.length;
            return { element: element, name: group.name, changes: group.changes, matches: group.changes, shown: 0,
                     rows: element.querySelector(".rows"), more: element.querySelector(".more"),
                     count: element.querySelector(".count") };
          });

          function text(parent, className, value) {
            var span = parent.appendChild(document.createElement("span"));
            span.className = className;
            span.textContent = value;
          }

          function row(change) {
            var element = document.createElement("div");
            element.className = "change " + ACTIONS[change[0]];
            text(element, "symbol", SYMBOLS[change[0]]);
            text(element, "address", change[1]);
            change[2].forEach(function (field) {
              var line = element.appendChild(document.createElement("div"));
              line.className = "field";
              text(line, "name", field[0]);
              line.appendChild(document.createTextNode(" = "));
              if (field[3] & 1) {
                text(line, "sensitive", "(sensitive)");
              } else {
                if (field[1] !== null) text(line, "old", field[1]);
                if (field[1] !== null && field[2] !== null) line.appendChild(document.createTextNode(" \\u2192 "));
                if (field[2] !== null) text(line, "new", field[2]);
                if (field[1] === null && field[2] === null) text(line, "old", "null");
              }
              if (field[3] & 2) text(line, "forces", "forces replacement");
            });
            return element;
          }

          function page(group) {
            var end = Math.min(group.shown + PAGE, group.matches.length);
            var rows = document.createDocumentFragment();
            for (var i = group.shown; i < end; i++) rows.appendChild(row(group.matches[i]));
            group.rows.appendChild(rows);
            group.shown = end;
            var left = group.matches.length - end;
            group.more.hidden = left === 0;
            group.more.textContent = "Show " + Math.min(PAGE, left) + " more (" + left + " not shown)";
          }

          function words(change, group) {
            if (change.words === undefined) {
              var parts = [group.name + "." + change[1], ACTIONS[change[0]]];
              change[2].forEach(function (field) { parts.push(field[0], field[1] || "", field[2] || ""); });
              change.words = parts.join("\\n").toLowerCase();
            }
            return change.words;
          }

          function filter(value) {
            var terms = value.toLowerCase().split(/\\s+/).filter(Boolean);
            var budget = BUDGET, matched = 0;
            groups.forEach(function (group) {
              group.matches = terms.length === 0 ? group.changes : group.changes.filter(function (change) {
                var haystack = words(change, group);
                return terms.every(function (term) { return haystack.indexOf(term) >= 0; });
              });
              group.rows.textContent = "";
              group.shown = 0;
              group.element.hidden = group.matches.length === 0;
              group.count.textContent = terms.length === 0 ? "" :
                group.matches.length + " of " + group.changes.length + " match";
              matched += group.matches.length;
              group.element.open = group.matches.length > 0 && budget > 0;
              if (group.element.open) { page(group); budget -= group.shown; } else { group.more.hidden = true; }
            });
            shown.textContent = terms.length === 0 ? total + (total === 1 ? " change" : " changes") :
              matched + " of " + total + " changes match \\u201c" + value + "\\u201d";
          }

          groups.forEach(function (group) {
            group.element.addEventListener("toggle", function () {
              if (group.element.open && group.shown === 0) page(group);
            });
            group.more.addEventListener("click", function () { page(group); });
          });

          var pending;
          input.addEventListener("input", function () {
            clearTimeout(pending);
            pending = setTimeout(function () {
              filter(input.value);
              var hash = input.value ? "#filter=" + encodeURIComponent(input.value)
                : location.pathname + location.search;
              try { history.replaceState(null, "", hash); } catch (error) { /* some file: URLs refuse it */ }
            }, 150);
          });

          var asked = /(?:^[#?]|&)filter=([^&]*)/;
          var given = asked.exec(location.hash) || asked.exec(location.search);
          input.value = given ? decodeURIComponent(given[1].replace(/\\+/g, " ")) : "";
          filter(input.value);
          ready();
        })();
        """
}
