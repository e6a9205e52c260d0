/**
 * Client of 粤政图 (the Guangdong government map, DB44/T 2214-2019): {@link
 * cn.gov.shanwei.enforcement.adapters.map.MapClient} (geocoding, reverse geocoding, division of a point, WFS
 * features, tiles; cached with staleness visible), {@link cn.gov.shanwei.enforcement.adapters.map.TileProxy}
 * (bounded tile cache so browsers never call the provider), and the coordinate values every caller goes through:
 * {@link cn.gov.shanwei.enforcement.adapters.map.GeoPoint} (CGCS2000 / EPSG:4490 only; GCJ-02 and BD-09 refused),
 * {@link cn.gov.shanwei.enforcement.adapters.map.BoundingBox}, {@link
 * cn.gov.shanwei.enforcement.adapters.map.TileAddress} (geographic lon/lat tiling, 256 px).
 */
package cn.gov.shanwei.enforcement.adapters.map;
