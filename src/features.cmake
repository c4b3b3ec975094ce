# The features of Simpul and what each may use: the one place the feature graph is declared
# (simpul_feature in CMakeLists.txt says what the declaration enforces).
#
#   simpul_feature(NAME [USES features...] [PUBLIC headers...] [LIBS libraries...])
#
# USES: the features whose public headers NAME may include (and, through them, theirs).
# PUBLIC: NAME's headers other features may include, besides feature.hpp (what the app root
# wires). A store is never public: another feature reads and writes NAME's tables only through
# these headers' functions.
simpul_feature(audit PUBLIC audit.hpp)
simpul_feature(site PUBLIC settings.hpp)
simpul_feature(regions PUBLIC model.hpp tiles.hpp)
simpul_feature(agencies USES regions audit PUBLIC model.hpp paths.hpp)
simpul_feature(accounts USES agencies PUBLIC model.hpp service.hpp)
simpul_feature(notices USES accounts PUBLIC model.hpp service.hpp LIBS simpul_mail)
simpul_feature(api_tokens USES accounts PUBLIC service.hpp)
simpul_feature(innovations USES accounts notices
               PUBLIC model.hpp paths.hpp registry.hpp rules.hpp service.hpp uploads.hpp LIBS PkgConfig::MAGIC)
simpul_feature(imports USES innovations PUBLIC layout.hpp cli.hpp service.hpp LIBS simpul_sheet)
simpul_feature(competitions USES innovations
               PUBLIC calendar.hpp editions.hpp eligibility.hpp model.hpp paths.hpp programme.hpp rules.hpp seed.hpp
                      service.hpp view.hpp)
simpul_feature(proposals USES competitions PUBLIC loading.hpp model.hpp paths.hpp workflow.hpp)
simpul_feature(judging USES proposals
               PUBLIC aggregation.hpp assignment.hpp conflicts.hpp evaluation.hpp paths.hpp results.hpp
                      scoring.hpp service.hpp sheet_form.hpp shortlist.hpp
               LIBS ${GLPK_LIBRARY})
target_include_directories(simpul_judging PUBLIC ${GLPK_INCLUDE_DIR})
simpul_feature(finals USES judging PUBLIC model.hpp service.hpp LIBS simpul_sheet)
simpul_feature(replication USES proposals regions
               PUBLIC counts.hpp loading.hpp model.hpp paths.hpp service.hpp
               LIBS simpul_sheet)
# The catalogue's "most replicated" order reads the replication counts.
simpul_feature(catalogue USES innovations replication LIBS simpul_search simpul_sheet)
# The synthetic corpus, competition and search mix of the benchmarks, and the demo data (sample
# innovations, a past edition run through the features' own services): loaders at the top of
# the graph, not features.
simpul_feature(synthetic USES imports replication
               PUBLIC competition.hpp corpus.hpp queries.hpp replications.hpp seed.hpp)
simpul_feature(samples USES synthetic finals replication site
               PUBLIC loader.hpp past_edition.hpp replication_rounds.hpp)
