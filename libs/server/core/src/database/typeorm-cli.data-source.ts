import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import { openDatabase } from './open-database';

/**
 * The DataSource for TypeORM's own CLI (`npm run typeorm -- migration:generate -d <this file> …`,
 * see README › Development): the configured database, as the server and `rolemap` open it:
 * DATABASE_URL, else the embedded database in ROLEMAP_DATA_DIR (started here, and stopped when
 * the CLI destroys the data source, so PGlite flushes and releases its lock).
 */
async function typeormCliDataSource(): Promise<DataSource> {
  const database = await openDatabase(loadConfig());
  const dataSource = new DataSource(dataSourceOptions(database));
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    try {
      await destroy();
    } finally {
      await database.close();
    }
  };
  return dataSource;
}

export default typeormCliDataSource();
