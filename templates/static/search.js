/*
 * Minutebook's search page, on Pagefind's Component UI.
 *
 * Why this file exists, beyond the components themselves:
 * - The archive is indexed as one Pagefind bundle per body (generator/search_index.py);
 *   /search/config.json says which bundles to merge. The components may only connect
 *   once the instance is configured, so they wait in a <template> until then.
 * - Pagefind's own sort cannot order a merged search (each bundle ranks by its own
 *   positions), so "newest first" sorts by the per-bundle date tables instead.
 * - A meeting page is one result with a sub-result per minute item; headings inside an
 *   item ("Resolved", "Actions") are folded into the item so each item appears once,
 *   and the best-matching sections come first.
 * - Typing a reference ("CCBP/19/70", "ccbp 19 70") offers a direct link to it, from
 *   the reference map (generator/search_refs.py); Enter follows it.
 * - Pagefind 1.5 does not say "no results" for a word its index lacks: it searches the longest indexed word
 *   the query starts with instead ("blood" finds "B", "allotments" finds "A:"), and it decides that per
 *   bundle, so a body whose pages lack the word contributes pages that lack it too (Pagefind issues 599,
 *   780). Each bundle's part of the results is asked for on its own, its best result read, and a part
 *   that matched only a shortened word is left out of the results and of the filter counts.
 * - A site published below a path of its domain (base_url https://council.example/minutes/) says so in
 *   the page's data-base; the config, bundles and reference map name their files from the site's root,
 *   and are fetched below it. Pagefind puts results below the folder its bundle is in.
 * - Pagefind's results component asks for a result's data once and leaves the result empty if it does not load
 *   (a network blip), and Pagefind keeps the failure; a result is tried again in a spare instance, and one that
 *   never loads says so, with a button to try again.
 * Everything here uses the Component UI's public API: configureInstance, instance.on,
 * triggerSearch, setTranslations, announce and announceRaw, and each result's data().
 */
(function () {
  "use strict";

  var MAX_SECTIONS = 3;
  /* Results shown at first, and added by "Show more": the Component UI builds a placeholder per
     result up front, and for thousands of results that alone takes seconds. */
  var PAGE = 50;
  var CONFIG = "search/config.json";
  /* Said with the count of results that could not be checked (see Checker), if the page does not say it itself. */
  var UNCHECKED = "Some of these results may not contain the words you searched for: they could not be checked.";
  /* Bundles per instance of the check that no bundle matched a shortened query word (see Checker). */
  var GROUP = 8;
  /* Tests set a delay before each check, to act while the first results are shown (0: none), such as making the
     check's requests fail (Playwright's page.route). A test holds the checks with a long delay and ends it with
     release() once it has acted: a delay timed to outlast the test's action was not always long enough on a busy
     machine.
     `checking` counts the checks under way, each until its end: its results marked checked, Pagefind asked
     for them again, or the check dropped, its query gone. A test waits for none, where it waited two seconds
     and took the check of a query typed over to have ended by then. */
  var held = [];
  var testing = {
    checkDelayMs: 0,
    checking: 0,
    release: function () {
      testing.checkDelayMs = 0;
      held.splice(0).forEach(function (go) { go(); });
    }
  };

  /* `path` (written from the site's root, "/search/x.json") where this site is published: below `base`,
     the data-base of the search page ("/minutes/", or "/" at a domain's root). */
  function under(base, path) {
    return path.charAt(0) === "/" && path.charAt(1) !== "/" ? base + path.slice(1) : path;
  }

  /* The same normalisation as generator/search_refs.py ref_key: runs of letters and runs
     of digits, lower case, leading zeros dropped, joined by single spaces. */
  function refKey(text) {
    var words = String(text || "").toLowerCase().match(/\p{L}+|[0-9]+/gu) || [];
    return words.map(function (w) { return /^[0-9]+$/.test(w) ? (w.replace(/^0+/, "") || "0") : w; }).join(" ");
  }

  /* --- the search's address --------------------------------------------------------------- */

  /* The order chosen, as the address names it: "Meeting date, newest first" is sort=newest. */
  var ORDERS = { desc: "newest", asc: "oldest" };

  /* The query string of a search: its words, one parameter per filter value ticked and the order, so that a
     filtered, ordered search can be bookmarked and shared, and is the same after Back. A filter's parameter
     is its name in Pagefind's index with hyphens for spaces ("minutes status" is minutes-status); filters
     and values come in alphabetical order, so that one search has one address. */
  function addressOf(term, filters, order) {
    if (!term) { return ""; }
    var parts = ["q=" + encodeURIComponent(term)];
    Object.keys(filters || {}).sort().forEach(function (name) {
      var values = Array.isArray(filters[name]) ? filters[name].slice().sort() : [];
      values.forEach(function (value) {
        parts.push(encodeURIComponent(name.replace(/ /g, "-")) + "=" + encodeURIComponent(value));
      });
    });
    if (ORDERS[order]) { parts.push("sort=" + ORDERS[order]); }
    return "?" + parts.join("&");
  }

  /* The search an address asks for: { term, filters, order }, the reverse of addressOf. */
  function readAddress(search) {
    var params = new URLSearchParams(search);
    var filters = {};
    params.forEach(function (value, key) {
      if (key === "q" || key === "sort" || !value) { return; }
      var name = key.replace(/-/g, " ");
      filters[name] = filters[name] || [];
      if (filters[name].indexOf(value) < 0) { filters[name].push(value); }
    });
    var order = Object.keys(ORDERS).filter(function (o) { return ORDERS[o] === params.get("sort"); })[0] || "";
    return { term: params.get("q") || "", filters: filters, order: order };
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
      return r.json();
    });
  }

  /* --- the reference map ------------------------------------------------------------- */

  function References(manifestUrl, base) {
    var manifest = null;
    var shards = {};
    this.lookup = function (query) {
      var key = refKey(query);
      if (!key || !/[0-9]/.test(key)) { return Promise.resolve({ key: key, matches: [] }); }
      manifest = manifest || getJSON(manifestUrl).catch(function () { return { shards: {} }; });
      return manifest.then(function (m) {
        /* a folder (a body's references, a file a year: search_refs.shard_of) or one file (a year's, by number) */
        var words = key.split(" ");
        var url = m.shards[words[0]];
        if (url && url.slice(-1) === "/") { url = words.length > 1 ? url + words[1] + ".json" : null; }
        if (!url) { return {}; }
        url = under(base, url);
        shards[url] = shards[url] || getJSON(url).catch(function () { return {}; });
        return shards[url];
      }).then(function (shard) {
        var matches = Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : [];
        return {
          key: key,
          matches: matches.map(function (m) { return Object.assign({}, m, { url: under(base, m.url) }); })
        };
      });
    };
  }

  /* --- trying again after a request that failed ------------------------------------------- */

  /* The waits before each new try after a request for a part of the index failed (a network blip), in ms: at once,
     then half a second and a second and a half later. */
  var RETRY_MS = [0, 500, 1500];
  /* A try given up because the search it was for is no longer shown. */
  var OVERTAKEN = new Error("overtaken by a newer search");

  /* `attempt()` tried again after each of `waits` while `wanted()`, until it succeeds: its result; else its last
     failure, once every wait is used, or OVERTAKEN, once no longer wanted. Each try must make its requests anew: a
     Pagefind instance gives a request that failed in it the same failure again (see Reloader and Checker). */
  function tryAgain(attempt, wanted, waits) {
    var tries = 0;
    function next(error) {
      if (!wanted()) { return Promise.reject(OVERTAKEN); }
      if (tries === waits.length) { return Promise.reject(error || new Error("not tried")); }
      var wait = waits[tries++];
      return new Promise(function (resolve) { window.setTimeout(resolve, wait); }).then(function () {
        if (!wanted()) { throw OVERTAKEN; }
        return attempt();
      }).catch(function (failed) {
        return failed === OVERTAKEN ? Promise.reject(failed) : next(failed);
      });
    }
    return next(null);
  }

  /* --- words a bundle does not have ------------------------------------------------------- */

  /* Lower case, accents dropped. */
  function plain(text) {
    return String(text || "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  /* The query's words as Pagefind searches them: split at spaces, with the punctuation inside a word
     dropped ("children's" is "childrens", "co-ordination" "coordination", "18/49" "1849"). */
  function queryWords(query) {
    return String(query || "").split(/\s+/).map(function (word) {
      return plain(word).replace(/[^\p{L}\p{N}]+/gu, "");
    }).filter(Boolean);
  }

  /* The words a word of a page is indexed as, as Pagefind indexes compound words: run together without
     its punctuation ("CCG's" as "ccgs", "e-newsletter" as "enewsletter"), and each of its parts, split
     at punctuation and where a lower-case letter meets a capital ("McGee" as "mc" and "gee"). */
  function pageWords(word) {
    var parts = plain(String(word || "").replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")).match(/[\p{L}\p{N}]+/gu) || [];
    var whole = plain(word).replace(/[^\p{L}\p{N}]+/gu, "");
    return whole && parts.indexOf(whole) < 0 ? parts.concat([whole]) : parts;
  }

  /* A rough English stem, cut alike from the query's word and the page's: Pagefind stems both (with
     Snowball's English stemmer), so "policies" finds "policy" and "meetings" finds "meet". At most two
     suffixes go, longest first, and at least three letters stay; numbers are not stemmed. */
  var SUFFIXES = ["ational", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied", "ers",
    "al", "er", "ed", "es", "ly", "s", "e", "y"];
  function stem(word) {
    if (/\p{N}/u.test(word)) { return word; }
    for (var round = 0; round < 2; round++) {
      for (var i = 0; i < SUFFIXES.length; i++) {
        var suffix = SUFFIXES[i];
        if (word.length - suffix.length >= 3 && word.slice(-suffix.length) === suffix) {
          word = word.slice(0, -suffix.length);
          break;
        }
      }
    }
    return word;
  }

  /* Whether `word`, a word of a page Pagefind found for the query word `term`, is that word and not a
     shortening of it: it begins with the term ("phleb" finds "phlebotomy"), or its stem has all of the
     term's but the last letter, which Snowball spells differently at times ("happy", "happiness";
     "running", "run"). A shortening has less ("andrew" finds "and", "thereafter" "there"). */
  function genuine(word, term) {
    if (word.indexOf(term) === 0) { return true; }
    if (/\p{N}/u.test(term)) { return false; }
    var a = stem(word);
    var b = stem(term);
    var shared = 0;
    while (shared < a.length && shared < b.length && a.charAt(shared) === b.charAt(shared)) { shared++; }
    return shared >= Math.max(3, b.length - 1);
  }

  /* Whether a result's matched words genuinely match every word of the query: the words at its
     locations, and the words Pagefind marked in its excerpt. */
  function matchesEvery(data, terms) {
    var text = String(data.content || "").split(/\s+/);
    var found = [];
    (data.locations || []).forEach(function (at) { found = found.concat(pageWords(text[at])); });
    var marked = String(data.excerpt || "").match(/<mark>[^<]*<\/mark>/g) || [];
    marked.forEach(function (m) {
      m.slice(6, -7).split(/\s+/).forEach(function (word) { found = found.concat(pageWords(word)); });
    });
    return terms.every(function (term) {
      return found.some(function (word) { return genuine(word, term); });
    });
  }

  /* Another Pagefind instance of the page's bundles, beside the components' own in the same web worker, with its own
     caches: the primary bundle and `members`, ranked as the page ranks them. With `tagged`, every bundle carries a
     filter naming it. { instance, ready: once every bundle is merged }. */
  function openInstance(pagefind, bundles, base, ranking, members, tagged) {
    function options(b) {
      return tagged ? { ranking: ranking, mergeFilter: { bundle: b.name } } : { ranking: ranking };
    }
    var instance = pagefind.createInstance(Object.assign({ basePath: under(base, bundles[0].path) },
      options(bundles[0])));
    return { instance: instance, ready: Promise.all(members.map(function (b) {
      return instance.mergeIndex(under(base, b.path), options(b));
    })) };
  }

  /* For each query, the results to leave out: every result of a bundle whose best result matched a
     shortened word. Pagefind decides per bundle and per query word whether it shortens the word, before
     any filter applies, so one result of a bundle speaks for all of them, and the filters ticked change
     only which of them are listed. Asked of more instances of the same bundles, in the same web worker as
     the page's own, in which every bundle carries a filter naming it: one search filtered to no bundle at
     all counts each bundle's results (Pagefind's totalFilters) without listing any, then one search per
     bundle that has results lists that bundle's. Every search runs in each bundle of its instance, so
     the bundles are merged GROUP at a time (each with the primary bundle, which holds the engine).
     What the parts left out add to each filter's count depends on the filters ticked: asked again, of
     the parts left out only, when they change.
     A request that fails in these instances (a network blip) spoils them for good: Pagefind gives a fragment's
     failure again to every later search, and leaves an index chunk that did not load out of the index without a
     word, as if the bundle lacked the words in it (its part would then go unchecked, or be taken for a shortened
     word's). So a check that fails, or that counts other than the page's own search, is tried again RETRY_MS apart
     in new instances, and those it failed in are let go. */
  function Checker(bundles, base, ranking) {
    var opened = null;
    var checked = {};
    var counted = {};
    var NO_BUNDLE = { bundle: "\u0000" };
    /* The instances: { groups: a promise of [{ instance, names }], instances: each one made for them }. */
    function open() {
      if (!opened) {
        var mine = opened = { instances: [] };
        mine.groups = import(under(base, bundles[0].path) + "pagefind.js").then(function (pagefind) {
          var groups = [];
          for (var i = 1; i < Math.max(bundles.length, 2); i += GROUP) { groups.push(bundles.slice(i, i + GROUP)); }
          return Promise.all(groups.map(function (members, g) {
            var opening = openInstance(pagefind, bundles, base, ranking, members, true);
            var instance = opening.instance;
            mine.instances.push(instance);
            return opening.ready.then(function () {
              return instance.filters(); /* loads every filter, so that searches count them all */
            }).then(function () {
              var names = members.map(function (b) { return b.name; });
              return { instance: instance, names: g === 0 ? [bundles[0].name].concat(names) : names };
            });
          }));
        });
      }
      return opened;
    }
    /* Lets go of instances a request failed in: the next try opens new ones. */
    function discard(mine) {
      if (opened === mine) { opened = null; }
      mine.instances.forEach(function (instance) { instance.destroy().catch(function () { return null; }); });
    }
    /* `search(groups)` in the instances open, and in new ones if a request fails in them. */
    function using(search) {
      var mine = open();
      return mine.groups.then(search).catch(function (error) {
        if (error !== OVERTAKEN) { discard(mine); }
        throw error;
      });
    }
    function withFilters(filters, extra) {
      return { filters: Object.assign({}, filters || {}, extra) };
    }
    function ticked(filters) {
      return Object.keys(filters || {}).some(function (key) {
        var value = filters[key];
        return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined && value !== "";
      });
    }
    /* counts[key][value] += more[key][value], for the filters the page shows. */
    function addCounts(counts, more) {
      Object.keys(more || {}).forEach(function (key) {
        if (key === "bundle") { return; }
        counts[key] = counts[key] || {};
        Object.keys(more[key]).forEach(function (value) {
          counts[key][value] = (counts[key][value] || 0) + more[key][value];
        });
      });
    }
    /* A bundle's part of the results, to be left out unless its best result genuinely matches the query. */
    function verdict(name, part, terms) {
      if (!part.results.length) { return Promise.resolve(null); }
      return part.results[0].data().then(function (data) {
        return matchesEvery(data, terms) ? null : { name: name, part: part };
      });
    }
    /* The bundles' parts, one search at a time (the worker answers one at a time anyway), so that a check
       overtaken by a newer query stops between two; the best results' data loads meanwhile. `done.total` is
       how many results the bundles have, every one counted once. */
    function leaveOut(groups, term, terms, wanted) {
      var verdicts = [];
      var total = 0;
      function group(g) {
        if (g === groups.length) { return Promise.all(verdicts); }
        var instance = groups[g].instance;
        return instance.search(term, withFilters({}, NO_BUNDLE)).then(function (found) {
          var counts = (found.totalFilters && found.totalFilters.bundle) || {};
          groups[g].names.forEach(function (name) { total += counts[name] || 0; });
          var names = groups[g].names.filter(function (name) { return counts[name] > 0; });
          function part(i) {
            if (i === names.length) { return group(g + 1); }
            if (!wanted()) { return Promise.reject(OVERTAKEN); }
            return instance.search(term, withFilters({}, { bundle: names[i] })).then(function (one) {
              var said = verdict(names[i], one, terms);
              said.catch(function () { return null; }); /* its failure is Promise.all's below, not unhandled */
              verdicts.push(said);
              return part(i + 1);
            });
          }
          return part(0);
        });
      }
      return group(0).then(function (parts) {
        var done = { ids: {}, left: [], counts: {}, total: total };
        parts.forEach(function (left) {
          if (!left) { return; }
          left.part.results.forEach(function (r) { done.ids[r.id] = true; });
          done.left.push(left.name);
          addCounts(done.counts, left.part.filters); /* as counted with no filter ticked */
        });
        return done;
      });
    }
    /* What to leave out of a query's results, once known: { ids, left: the bundles' names, counts, total }. */
    this.known = function (term) {
      return checked[term] && checked[term].done;
    };
    /* Checks the query while `wanted()` says it is still the one on screen; `total`, the number of results the
       page's own search found for it, if known. Resolves with what to leave out, or null if the check failed (or
       the query is gone). */
    this.check = function (term, wanted, total) {
      var terms = queryWords(term);
      if (!checked[term] && (!terms.length || /^\s*".+"\s*$/.test(term))) {
        /* no word to shorten, or Pagefind's exact search, which does not shorten words */
        checked[term] = { done: { ids: {}, left: [], counts: {} } };
      }
      if (!checked[term]) {
        var entry = checked[term] = {};
        var delay = new Promise(function (resolve) {
          if (testing.checkDelayMs) { held.push(resolve); }
          window.setTimeout(resolve, testing.checkDelayMs);
        });
        var attempt = function () {
          return using(function (groups) {
            return leaveOut(groups, term, terms, wanted).then(function (done) {
              /* Fewer than the page's search: an index file of the check's own did not load (Pagefind only
                 logs it), and its verdicts miss a bundle's results. More: the page's instance lacks one, which
                 no check can mend, and what the check leaves out of the results the page shows still holds. */
              if (typeof total === "number" && done.total < total) {
                throw new Error("the check counted " + done.total + " results, the search " + total);
              }
              return done;
            });
          });
        };
        entry.promise = delay.then(attempt).catch(function (error) {
          return error === OVERTAKEN ? Promise.reject(error) : tryAgain(attempt, wanted, RETRY_MS);
        }).then(function (done) {
          entry.done = done;
          return done;
        }, function (error) {
          delete checked[term]; /* asked again if the query comes back, or the reader asks */
          if (window.console && error !== OVERTAKEN && wanted()) {
            window.console.warn("Minutebook search: could not check the results", error);
          }
          return null;
        });
      }
      return checked[term].promise || Promise.resolve(checked[term].done);
    };
    /* What the parts left out of a checked query add to each filter's count with `filters` ticked, once
       known; undefined until then. */
    this.counts = function (term, filters) {
      var done = this.known(term);
      if (!done) { return undefined; }
      if (!done.left.length || !ticked(filters)) { return done.counts; }
      var entry = counted[term + "\n" + JSON.stringify(filters)];
      return entry && entry.done;
    };
    this.count = function (term, filters) {
      var key = term + "\n" + JSON.stringify(filters);
      var known = this.counts(term, filters);
      if (known) { return Promise.resolve(known); }
      if (!counted[key]) {
        var entry = counted[key] = {};
        var attempt = function (done) {
          return using(function (groups) {
            return Promise.all(((done && done.left) || []).map(function (name) {
              var group = groups.filter(function (one) { return one.names.indexOf(name) >= 0; })[0];
              return group.instance.search(term, withFilters(filters, { bundle: name }));
            }));
          });
        };
        entry.promise = this.check(term, function () { return true; }).then(function (done) {
          if (!done) { /* the check failed: counted once it is done */
            delete counted[key];
            return null;
          }
          if (!done.left.length) { return []; }
          var again = function () { return attempt(done); };
          return again().catch(function () { return tryAgain(again, function () { return true; }, RETRY_MS); });
        }).then(function (parts) {
          entry.done = {};
          (parts || []).forEach(function (part) { addCounts(entry.done, part.filters); });
          return entry.done;
        }, function () {
          entry.done = {}; /* uncorrected counts are better than none */
          return entry.done;
        });
      }
      return counted[key].promise;
    };
  }

  /* --- a result whose data does not load ------------------------------------------------ */

  /* Loads a result's data again. Pagefind keeps a fragment that did not load as failed: its instance caches the
     failed request, and gives the failure again, without a request, to every later search that finds the page.
     So the result is looked up again in another instance of the same bundles, in the same web worker, whose cache
     has not seen the failure: one kept while results load from it, and made anew once one fails in it. */
  function Reloader(bundles, base, ranking) {
    var spare = null;
    function open() {
      if (!spare) {
        var made = { instance: null, searches: {} };
        made.ready = import(under(base, bundles[0].path) + "pagefind.js").then(function (pagefind) {
          var opening = openInstance(pagefind, bundles, base, ranking, bundles.slice(1), false);
          made.instance = opening.instance;
          return opening.ready;
        });
        spare = made;
      }
      return spare;
    }
    /* The data of result `id` of the search for `term`, from the spare instance. */
    this.data = function (term, id) {
      var mine = open();
      return mine.ready.then(function () {
        mine.searches[term] = mine.searches[term] || mine.instance.search(term);
        return mine.searches[term];
      }).then(function (found) {
        var again = ((found && found.results) || []).filter(function (r) { return r.id === id; })[0];
        if (!again) { throw new Error("result " + id + " not found again"); }
        return again.data();
      }).catch(function (error) {
        if (spare === mine) { /* it keeps the failure too */
          spare = null;
          if (mine.instance) { mine.instance.destroy().catch(function () { return null; }); }
        }
        throw error;
      });
    };
  }

  /* --- dates, for ordering merged results ----------------------------------------------- */

  function DateTable(bundles, base) {
    var loaded = null;
    this.byId = {};
    var self = this;
    this.load = function () {
      loaded = loaded || Promise.all(bundles.map(function (b) {
        return getJSON(under(base, b.dates)).catch(function () { return {}; });
      })).then(function (tables) {
        tables.forEach(function (table) {
          Object.keys(table).forEach(function (date) {
            table[date].forEach(function (id) { self.byId[id] = date; });
          });
        });
      });
      return loaded;
    };
  }

  function sortByDate(results, byId, direction) {
    var order = results.map(function (r, i) { return { r: r, i: i, d: byId[r.id] || "" }; });
    order.sort(function (a, b) {
      if (!a.d !== !b.d) { return a.d ? -1 : 1; } /* undated (people) last */
      if (a.d !== b.d) { return (a.d < b.d ? -1 : 1) * (direction === "asc" ? 1 : -1); }
      return a.i - b.i; /* same date: best match first */
    });
    for (var i = 0; i < order.length; i++) { results[i] = order[i].r; }
  }

  /* --- shaping one result for the template ---------------------------------------------- */

  var dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || "en-GB",
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

  function number(n) {
    return n.toLocaleString(document.documentElement.lang || "en-GB");
  }

  function longDate(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return parts ? dateFormat.format(Date.UTC(+parts[1], +parts[2] - 1, +parts[3])) : "";
  }

  function kindOf(data) {
    var types = (data.filters && data.filters.type) || [];
    if (types.indexOf("paper") >= 0) { return "Paper"; }
    if (types.indexOf("action") >= 0) { return "Action"; }
    if (types.indexOf("person") >= 0) { return "Person"; }
    if (types.indexOf("declarations") >= 0) { return "Declarations of interest"; }
    var status = (data.filters && data.filters["minutes status"]) || [];
    return status.indexOf("draft") >= 0 ? "Meeting, draft minutes" : "Meeting";
  }

  function score(locations) {
    return (locations || []).reduce(function (sum, l) { return sum + (l.balanced_score || 0); }, 0);
  }

  function hashOf(url) {
    var at = url.indexOf("#");
    return at < 0 ? "" : decodeURIComponent(url.slice(at + 1));
  }

  /* One section per minute item: a heading inside an item (its id extends the item's id,
     e.g. item-ccbp-18-49-resolved) joins the item; sections are ordered by match strength. */
  function sections(data) {
    var headings = (data.anchors || []).filter(function (a) { return /^h[1-6]$/i.test(a.element) && a.id; });
    var itemLevel = 7;
    headings.forEach(function (a) {
      if (/^item-/.test(a.id)) { itemLevel = Math.min(itemLevel, +a.element.slice(1)); }
    });
    var items = {};
    headings.forEach(function (a) {
      if (/^item-/.test(a.id) && +a.element.slice(1) === itemLevel) { items[a.id] = a.text; }
    });
    var page = (data.url || "").split("#")[0];
    var groups = [];
    var byKey = {};
    (data.sub_results || []).forEach(function (sub) {
      var id = hashOf(sub.url || "");
      if (!id) { return; } /* the page itself is the result's own title */
      var parent = "";
      Object.keys(items).forEach(function (item) {
        if ((id === item || id.indexOf(item + "-") === 0) && item.length > parent.length) { parent = item; }
      });
      var key = parent || id;
      var group = byKey[key];
      var strength = score(sub.weighted_locations);
      if (!group) {
        group = byKey[key] = { title: parent ? items[parent] : sub.title, url: page + "#" + key,
          excerpt: sub.excerpt, best: strength, score: 0 };
        groups.push(group);
      } else if (strength > group.best) {
        group.excerpt = sub.excerpt;
        group.best = strength;
      }
      group.score += strength;
    });
    groups.sort(function (a, b) { return b.score - a.score; });
    return groups.slice(0, MAX_SECTIONS).map(function (g) {
      return { title: g.title, url: g.url, excerpt: g.excerpt };
    });
  }

  /* Minutebook's own headings on a paper's page that search shows (templates/paper.html; "Referenced from" is not
     indexed): every other heading there is the paper's text's. These are the site's words, the excerpts under them
     mostly the paper's. */
  var PAPER_SECTIONS = { "front-sheet": true, "appendices": true, "paper-text": true };

  /* The language of a section's heading and of its excerpt, where not the page's (WCAG 2.2, 3.1.2), for a record in
     another language than the site's: a minute is its minutes' (meta.minutes_language), title and excerpt; the
     agenda's and the notes' excerpts are meeting.md's (meta.meeting_language), their headings Minutebook's; a
     heading in a paper's text is the paper's. Who attended (names, and Minutebook's words around them) and a
     meeting's papers and actions are left unmarked. */
  function sectionLanguage(meta, id) {
    if (meta.kind === "Paper" && meta.language) {
      return PAPER_SECTIONS[id] ? { title: "", excerpt: meta.language }
        : { title: meta.language, excerpt: meta.language };
    }
    if (/^item-/.test(id) && meta.minutes_language) {
      return { title: meta.minutes_language, excerpt: meta.minutes_language };
    }
    if (/^notes-/.test(id) && meta.meeting_language) {
      return { title: meta.meeting_language, excerpt: meta.meeting_language };
    }
    if ((id === "agenda" || id === "notes") && meta.meeting_language) {
      return { title: "", excerpt: meta.meeting_language };
    }
    return { title: "", excerpt: "" };
  }

  /* The id of the section a meeting's excerpt is of ("" for none): Pagefind cuts it around the words that weigh
     most, so the section holding the word that weighs most holds the excerpt. */
  function excerptSection(data) {
    var best = null;
    (data.weighted_locations || []).forEach(function (l) {
      if (!best || (l.balanced_score || 0) > (best.balanced_score || 0)) { best = l; }
    });
    var found = "";
    (data.sub_results || []).forEach(function (sub) {
      var id = hashOf(sub.url || "");
      if (id && best && !found && (sub.locations || []).indexOf(best.location) >= 0) { found = id; }
    });
    return found;
  }

  function shape(data) {
    var meta = Object.assign({}, data.meta || {});
    meta.kind = kindOf(data);
    meta.date_label = longDate(meta.date);
    /* A record in another language than the site's gives its own title (meta.own_title) and its language: the
       template marks the title with it and leaves the words either side of it in meta.title ("Paper B: ",
       ", 5 November 2019"), which are the site's, unmarked. A paper's excerpts are of its own text; a meeting's
       may be of its attendance as well as of its agenda or minutes; its sections' take their section's language
       (sectionLanguage). Pagefind gives the template a sub-result's title, address and excerpt alone, so the
       sections go to it in meta.sections too, each with its languages. */
    if (meta.language && meta.own_title) {
      var at = String(meta.title || "").indexOf(meta.own_title);
      meta.title_before = at < 0 ? "" : meta.title.slice(0, at);
      meta.title_after = at < 0 ? "" : meta.title.slice(at + meta.own_title.length);
      meta.excerpt_language = meta.kind === "Paper" ? meta.language : "";
    }
    /* A meeting's own excerpt runs on past its section's ends: one of its minutes, among the others, is the
       minutes'; one of its agenda takes in the attendance above it, and is left unmarked. */
    if (meta.minutes_language && /^item-/.test(excerptSection(data))) { meta.excerpt_language = meta.minutes_language; }
    var shown = sections(data);
    meta.sections = shown.map(function (section) {
      var language = sectionLanguage(meta, hashOf(section.url));
      return Object.assign({}, section, { title_language: language.title, excerpt_language: language.excerpt });
    });
    return Object.assign({}, data, { meta: meta, sub_results: shown });
  }

  /* A result's data, shaped for the template. When it does not load, `again(id)` tries it again; a result that
     never loads is given to the template as one saying so (meta.unavailable, its id), as the results component
     would leave its placeholder empty for good. Pagefind still asks for each result's data when its placeholder
     comes into view, and only then. */
  function reshape(result, again) {
    if (result.__minutebook) { return; }
    var load = result.data;
    var shaped = null;
    result.data = function () {
      shaped = shaped || Promise.resolve().then(function () { return load.call(result); }).catch(function () {
        return again(result.id);
      }).then(shape, function (error) {
        if (error === OVERTAKEN) { throw error; } /* no longer shown: Pagefind drops it */
        return unavailable(result.id);
      });
      return shaped;
    };
    result.__minutebook = true;
  }

  /* What the template is given for a result whose data did not load. A site's own result template without the
     meta.unavailable branch shows it as a result with this title, linking to this search, which loads it again. */
  function unavailable(id) {
    var here = window.location.pathname + window.location.search;
    return { url: here, excerpt: "", sub_results: [], meta: { unavailable: id, url: here, kind: "",
      title: "This result could not be loaded" } };
  }

  /* --- the page ---------------------------------------------------------------------- */

  function renderJump(box, matches) {
    box.textContent = "";
    if (!matches.length) { box.hidden = true; return; }
    var heading = document.createElement("p");
    heading.className = "reference-jump-heading";
    heading.textContent = matches.length === 1 ? "Go straight to:"
      : "This reference names " + matches.length + " records:";
    var list = document.createElement("ul");
    matches.forEach(function (m) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = m.url;
      a.textContent = (m.kind === "minute" ? "Minute " : m.kind === "action" ? "Action " :
        m.kind === "agenda" ? "Agenda item " : "") + m.ref + ": ";
      /* A title in another language than the site's is marked with it (WCAG 2.2, 3.1.2), as its page marks it;
         "Minute 5: " stays in the page's. */
      var title = m.language ? document.createElement("span") : document.createTextNode(m.title);
      if (m.language) {
        title.lang = m.language;
        title.textContent = m.title;
      }
      a.appendChild(title);
      var where = document.createElement("span");
      where.className = "reference-jump-where";
      where.textContent = " (" + m.body + ", " + longDate(m.date) + ")";
      li.appendChild(a);
      li.appendChild(where);
      list.appendChild(li);
    });
    box.appendChild(heading);
    box.appendChild(list);
    box.hidden = false;
  }

  function start(root, config, base) {
    var PF = window.PagefindComponents;
    var bundles = config.bundles || [];
    var status = root.querySelector("[data-search-status]");
    if (!PF || !bundles.length) {
      status.textContent = bundles.length ? "Search could not start: its script did not load." :
        "There is nothing to search yet: this archive has no published records.";
      headerSearch(root, true);
      return;
    }
    root.ownerDocument.querySelectorAll("[data-search-hint]").forEach(function (hint) { hint.hidden = false; });
    var ranking = config.ranking || {};
    var instance = PF.configureInstance("default", {
      bundlePath: under(base, bundles[0].path),
      ranking: ranking,
      mergeIndex: bundles.slice(1).map(function (b) { return { bundlePath: under(base, b.path), ranking: ranking }; })
    });
    instance.setTranslations({
      search_label: "Search words, names or minute numbers",
      placeholder: "Words, a name or a minute number",
      zero_results: "" /* announced politely below, not assertively */
    });
    var refs = new References(under(base, config.references || "/search/references.json"), base);
    var checker = new Checker(bundles, base, ranking);
    var dates = new DateTable(bundles, base);
    var reloader = new Reloader(bundles, base, ranking);
    /* Queried in the clone, and hooked up before it joins the page: our "results" hook must be
       registered before <pagefind-results> registers its own, so that date order applies. */
    var ui = root.querySelector("template[data-search-ui]").content.cloneNode(true);
    var sort = ui.querySelector("#search-sort");
    if (window.matchMedia && !window.matchMedia("(min-width: 48rem)").matches) {
      ui.querySelector("[data-search-filters]").open = false;
    }
    var jump = ui.querySelector("#reference-jump");
    var resultsEl = ui.querySelector("pagefind-results");
    var more = ui.querySelector("[data-search-more]");
    var limit = PAGE;
    var showingMore = false;
    /* The same search drawn again, as long, its count not announced again: a result loaded by "Try again". */
    var redrawing = false;
    var current = { key: null, matches: [] };
    /* "Search | site": the query goes in front while one is shown, as a tab or a bookmark names the search. */
    var pageTitle = document.title;
    var printed = ui.querySelector("[data-search-printed]");
    /* Says that the results shown could not be checked, with a button to check them again (a site's own search.html
       may not have it: the count announced says so all the same). */
    var unchecked = ui.querySelector("[data-search-unchecked]");
    var uncheckedFor = null;
    /* The search whose results are shown: { term, filters, key (tickedKey then), count, total }. */
    var shown = null;
    /* Pagefind's Component UI numbers a search, to show only the newest one's results, after its index has loaded:
       a search begun while the index loads is numbered once it has, after one begun as it finished loading (its
       filters), and the words typed before then had their results shown as the newest query's (its count too: on a
       busy machine "23 results for ccbp 18 49", where Pagefind finds 6, and the check then failed). So, where
       more than one search began while it loaded, what they find is not shown as theirs, and the newest query is
       searched again once it has loaded (Pagefind 1.5.2). `searchesLoading` counts them; null once loaded. */
    var searchesLoading = 0;
    function countWhileLoading() {
      if (searchesLoading === null) { return; }
      if (searchesLoading++ === 0) {
        instance.triggerLoad().then(function () {
          window.setTimeout(function () { /* after every search that waited has been numbered */
            var again = searchesLoading > 1;
            searchesLoading = null;
            if (again) { instance.triggerSearch(instance.searchTerm); }
          }, 0);
        });
      }
    }

    /* For print, where the filter pane and the order chosen are left off: what narrows and orders the list. */
    function describeSearch(filters, order) {
      var names = Object.keys(filters || {}).sort().filter(function (name) {
        return Array.isArray(filters[name]) && filters[name].length;
      });
      /* Pagefind shows only results with every value ticked, in one filter too */
      var parts = names.map(function (name) { return name + " " + filters[name].join(" and "); });
      var text = parts.length ? "Filtered by " + parts.join("; ") + "." : "";
      if (ORDERS[order]) {
        text += (text ? " " : "") + "Ordered by meeting date, " + ORDERS[order] + " first.";
      }
      if (printed) { printed.textContent = text; } /* a site's own search.html may not have it */
    }

    /* The filters ticked when the current search began, as they were then: the Component UI passes them
       to "search", and changes that same object when another is ticked. */
    var ticked = {};
    var tickedKey = "{}";

    function subtract(counts, less) {
      Object.keys(less || {}).forEach(function (key) {
        Object.keys(less[key]).forEach(function (value) {
          if (counts[key] && typeof counts[key][value] === "number") {
            counts[key][value] = Math.max(0, counts[key][value] - less[key][value]);
          }
        });
      });
    }

    /* Focus on the link `find()` gives, once the results show it (they are filled in as their data loads), or once
       anything changes in `where` (the results by default). */
    function focusWhenShown(find, where) {
      var watch = new MutationObserver(function () {
        var link = find();
        if (link) { watch.disconnect(); link.focus(); }
      });
      watch.observe(where || resultsEl, { childList: true, subtree: true, characterData: true, attributes: true });
      window.setTimeout(function () { watch.disconnect(); }, 5000);
    }

    /* The results that did not load after every try, by id: they show "Try again" at once when a later search finds
       them (Pagefind's instance keeps their failure), and are tried again only when the reader asks. */
    var givenUp = {};

    /* Tries result `id` of the search for `term` again, RETRY_MS apart, while that search is shown. */
    function loadAgain(term, id, asked) {
      var wanted = function () { return instance.searchTerm === term; };
      return tryAgain(function () { return reloader.data(term, id); }, wanted,
        asked || !givenUp[id] ? RETRY_MS : []).then(function (data) {
        delete givenUp[id];
        return data;
      }, function (error) {
        if (error !== OVERTAKEN) { givenUp[id] = true; }
        throw error;
      });
    }

    /* A reader who went into the results keeps their place when a new list replaces them (the checked
       results, or those of the whole query typed on while its first word's showed): Pagefind empties the
       list, and focus would fall to the page's body, the reader back at its top. It goes to the same result
       if the new list has it, else to the list's first once it is filled in; not if the reader went on. */
    function keepPlace(old) {
      var href = old.getAttribute("href");
      focusWhenShown(function () {
        var now = document.activeElement;
        if (old.isConnected || (now && now !== document.body)) { return null; }
        var same = resultsEl.querySelector('a[href="' + href.replace(/["\\]/g, "\\$&") + '"]');
        if (same) { return same; }
        var filled = resultsEl.querySelector("li.search-result") && !resultsEl.querySelector(".search-result-loading");
        return filled ? resultsEl.querySelector("li.search-result a[href]") : null;
      });
    }

    /* Counts that include results left out would offer a filter that then shows nothing. A ticked filter's
       count must agree with the results shown: the pane shows it from Pagefind's totals, counted as if no
       filter were ticked ("paper 11" beside 4 results), so it is given the count with the filters ticked
       instead, which is how many of the results shown have that value (every one, with one value ticked). */
    instance.on("filters", function (filters) {
      var term = instance.searchTerm;
      var counts = term ? checker.counts(term, ticked) : null;
      if (!filters || !filters.available) { return; }
      if (counts) { subtract(filters.available, counts); }
      var total = {};
      Object.keys(filters.total || {}).forEach(function (key) { total[key] = Object.assign({}, filters.total[key]); });
      Object.keys(ticked).forEach(function (key) {
        (Array.isArray(ticked[key]) ? ticked[key] : []).forEach(function (value) {
          total[key] = total[key] || {};
          total[key][value] = (filters.available[key] && filters.available[key][value]) || 0;
        });
      });
      filters.total = total; /* a copy: Pagefind keeps its own totals */
    });

    /* The count is announced once, for the checked results, and for all of them: the results component
       would announce each list it shows, the first unchecked, and counts only the results it shows. */
    var announce = instance.announce;
    instance.announce = function (key) {
      if (key === "one_result" || key === "many_results" || key === "zero_results") { return; }
      return announce.apply(instance, arguments);
    };
    function announceCount(term, n, more) {
      instance.announceRaw((n ? number(n) + (n === 1 ? " result" : " results") + " for " + term :
        "No results for " + term) + (more ? ". " + more : ""), "polite");
    }

    /* The results shown for `term` could not be checked (term), or the message goes (null). */
    function sayUnchecked(term) {
      uncheckedFor = term;
      if (unchecked) { unchecked.hidden = term === null; }
    }
    function uncheckedWords() {
      if (!unchecked) { return UNCHECKED; }
      var words = unchecked.cloneNode(true);
      words.querySelectorAll("button").forEach(function (button) { button.remove(); });
      return words.textContent.replace(/\s+/g, " ").trim();
    }

    /* Checks the results of `search` (see shown), and shows them again if the check leaves any out or changes a
       filter's count. One that cannot be checked, after every try, stays as Pagefind found it, and the page says
       so, with the count announced (unless the reader `asked`, whose button says it). Resolves with true once
       checked, false if it could not be, null if the search is no longer shown. */
    function verify(search, asked) {
      var term = search.term;
      var stillShown = function () { return instance.searchTerm === term && tickedKey === search.key; };
      testing.checking += 1;
      return checker.check(term, function () { return instance.searchTerm === term; }, search.total)
        .then(function (done) {
          return done && checker.count(term, search.filters).then(function () { return done; });
        }).then(function (done) {
          if (!stillShown()) { return null; }
          if (!done) {
            sayUnchecked(term);
            if (!asked) { announceCount(term, search.count, uncheckedWords()); }
            return false;
          }
          if (done.left.length) {
            instance.triggerSearch(term); /* the results, or the counts with these filters, change */
          } else {
            root.setAttribute("data-search-checked", term);
            sayUnchecked(null);
            announceCount(term, search.count);
          }
          return true;
        }).finally(function () { testing.checking -= 1; });
    }

    instance.on("results", function (result) {
      if (searchesLoading > 1) { return; } /* perhaps an older query's: searched again once loaded */
      var list = (result && result.results) || [];
      var term = instance.searchTerm;
      var filters = ticked;
      var leave = term ? checker.known(term) : { ids: {} };
      if (leave) {
        for (var i = list.length - 1; i >= 0; i--) {
          if (leave.ids[list[i].id]) { list.splice(i, 1); }
        }
      }
      shown = { term: term, filters: filters, key: tickedKey, count: list.length,
        total: result ? result.unfilteredResultCount : undefined };
      var checked = !term || !!(leave && checker.counts(term, filters));
      if (checked) {
        root.setAttribute("data-search-checked", term || "");
        sayUnchecked(null);
      } else {
        /* Shown now, as far as known, and shown again once checked if the check leaves any out, or
           changes a filter's count: checking first would hold every query back by a search per bundle. */
        root.removeAttribute("data-search-checked");
        if (uncheckedFor !== term) { sayUnchecked(null); } /* said again if this query's check fails too */
        verify(shown, false);
      }
      list.forEach(function (r) { reshape(r, function (id) { return loadAgain(term, id, false); }); });
      if (sort.value && list.length) { sortByDate(list, dates.byId, sort.value); }
      if (checked && term && !showingMore && !redrawing) { announceCount(term, list.length); }
      redrawing = false;
      more.hidden = list.length <= limit;
      more.querySelector("[data-search-shown]").textContent =
        "Showing the first " + number(limit) + " of " + number(list.length) + " results.";
      if (showingMore) {
        showingMore = false;
        instance.announceRaw("Showing " + number(Math.min(limit, list.length)) + " of " + number(list.length) +
          " results", "polite");
      }
    });

    /* "Show more" moves focus to the first result it adds: the button may go, and the reader goes on
       from where the list left off. */
    more.querySelector("button").addEventListener("click", function () {
      var first = limit;
      limit += PAGE;
      showingMore = true;
      resultsEl.setAttribute("max-results", String(limit));
      instance.triggerSearch(instance.searchTerm);
      focusWhenShown(function () {
        var item = resultsEl.querySelectorAll("ul.pf-results > li")[first];
        return item && item.querySelector("a[href]");
      });
    });

    /* "Try again" on a result that did not load: tried again while the button keeps focus; once loaded, the search is
       drawn again with it, and focus goes to it. */
    resultsEl.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button[data-search-retry]");
      if (!button || button.getAttribute("aria-disabled") === "true") { return; }
      var term = instance.searchTerm;
      var items = Array.prototype.slice.call(resultsEl.querySelectorAll("ul.pf-results > li"));
      var index = items.indexOf(button.closest("ul.pf-results > li"));
      var label = button.textContent;
      button.setAttribute("aria-disabled", "true");
      button.textContent = "Trying again\u2026";
      loadAgain(term, button.getAttribute("data-search-retry"), true).then(function () {
        redrawing = true;
        instance.triggerSearch(term);
        focusWhenShown(function () {
          var shown = resultsEl.querySelectorAll("ul.pf-results > li")[index];
          return shown && !shown.matches(".search-result-loading") ? shown.querySelector("a[href], button") : null;
        });
      }, function (error) {
        if (error === OVERTAKEN || !button.isConnected) { return; }
        button.removeAttribute("aria-disabled");
        button.textContent = label;
        instance.announceRaw("The result still could not be loaded", "polite");
      });
    });

    /* "Try again" on results that could not be checked: checked again while the button keeps focus; once checked,
       focus goes to the first result (the button goes), or to the search box if none is left. */
    if (unchecked) {
      unchecked.querySelector("button").addEventListener("click", function (event) {
        var button = event.currentTarget;
        if (button.getAttribute("aria-disabled") === "true" || !shown || !shown.term) { return; }
        var term = shown.term;
        var label = button.textContent;
        button.setAttribute("aria-disabled", "true");
        button.textContent = "Trying again\u2026";
        verify(shown, true).then(function (done) {
          button.removeAttribute("aria-disabled");
          button.textContent = label;
          if (done === false) {
            instance.announceRaw("The results still could not be checked", "polite");
          } else if (done) {
            focusWhenChecked(term);
          }
        });
      });
    }

    /* Focus on the first result of the checked results for `term` once it is filled in, or on the search box if
       they are none. */
    function focusWhenChecked(term) {
      function find() {
        if (root.getAttribute("data-search-checked") !== term || instance.searchTerm !== term) { return null; }
        if (shown && shown.term === term && !shown.count) { return root.querySelector("pagefind-input input"); }
        var first = resultsEl.querySelector("ul.pf-results > li");
        return first && !first.matches(".search-result-loading") ? first.querySelector("a[href], button") : null;
      }
      var now = find();
      if (now) { now.focus(); } else { focusWhenShown(find, root); } /* none left: only the count changes */
    }

    instance.on("search", function (term, filters) {
      countWhileLoading();
      var focused = document.activeElement; /* <pagefind-results> empties its list next */
      if (focused && focused.matches && focused.matches("a[href]") && resultsEl.contains(focused)) {
        keepPlace(focused);
      }
      tickedKey = JSON.stringify(filters || {});
      ticked = JSON.parse(tickedKey);
      if (uncheckedFor !== null && uncheckedFor !== term) { sayUnchecked(null); } /* said of another query */
      if (!showingMore && !redrawing && limit !== PAGE) { /* a new query or filter starts from the first page again */
        limit = PAGE;
        resultsEl.setAttribute("max-results", String(PAGE));
      }
      var query = addressOf(term, ticked, sort.value);
      if (window.location.search !== query) {
        window.history.replaceState(null, "", window.location.pathname + query);
      }
      document.title = term ? term + ": " + pageTitle : pageTitle;
      describeSearch(ticked, sort.value);
      refs.lookup(term).then(function (found) {
        if (instance.searchTerm !== term) { return; } /* a newer search has started */
        if (found.key === current.key && found.matches.length === current.matches.length) { return; }
        current = found;
        renderJump(jump, found.matches);
      });
    });

    sort.addEventListener("change", function () {
      var ready = sort.value ? dates.load() : Promise.resolve();
      ready.then(function () {
        if (instance.searchTerm) { instance.triggerSearch(instance.searchTerm); }
      });
    });

    /* Enter in the search box follows the direct jump when the query is exactly one reference. */
    root.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.key !== "Enter" || !target.closest || !target.closest("pagefind-input")) { return; }
      event.preventDefault();
      refs.lookup(target.value).then(function (found) {
        if (found.matches.length === 1) {
          window.location.assign(found.matches[0].url);
        } else {
          instance.triggerSearch(target.value);
        }
      });
    });

    root.querySelector("[data-search-slot]").appendChild(ui);
    status.textContent = "";
    /* The search the address asks for, with its filters and order: a bookmark, a shared link, or this page
       again after Back. */
    var initial = readAddress(window.location.search);
    if (initial.term) {
      sort.value = initial.order;
      (initial.order ? dates.load() : Promise.resolve()).then(function () {
        instance.triggerSearchWithFilters(initial.term, initial.filters);
      });
    }
  }

  /* The page's own box does all the header's does, and more: two boxes asked the reader which to use. The
     header's is hidden from the start, not once the page's comes, which would move the page up under the reader,
     and shown again where the page's does not come (the index or Pagefind's script not loaded); without
     JavaScript it stays. */
  function headerSearch(root, shown) {
    root.ownerDocument.querySelectorAll("form.site-search").forEach(function (form) { form.hidden = !shown; });
  }

  function boot() {
    var root = document.querySelector("[data-search-app]");
    if (!root) { return; }
    var base = root.getAttribute("data-base") || "/";
    headerSearch(root, false);
    getJSON(base + CONFIG).then(function (config) { start(root, config, base); }, function () {
      root.querySelector("[data-search-status]").textContent =
        "Search is unavailable: the search index was not found. Browse the archive by year instead.";
      headerSearch(root, true);
    });
  }

  /* For tests: the same reference keys as generator/search_refs.py, and the test of a shortened word. */
  window.MinutebookSearch = { refKey: refKey, queryWords: queryWords, pageWords: pageWords, genuine: genuine,
    testing: testing };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", boot);
  } else {
    boot();
  }
})();
