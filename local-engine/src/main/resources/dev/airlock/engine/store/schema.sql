-- Schema of the local engine's H2 file. Every statement is idempotent because it runs at each start.
-- Times are epoch milliseconds (UTC). JSON documents are stored as text.
CREATE SEQUENCE IF NOT EXISTS engine_key START WITH 2251799813685249 CACHE 1;

CREATE TABLE IF NOT EXISTS deployment (
  deployment_key BIGINT PRIMARY KEY,
  created_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS process_definition (
  process_definition_key BIGINT PRIMARY KEY,
  process_definition_id VARCHAR(1000) NOT NULL,
  version INT NOT NULL,
  name VARCHAR(1000),
  version_tag VARCHAR(1000),
  resource_name VARCHAR(1000) NOT NULL,
  checksum VARCHAR(64) NOT NULL,
  bpmn_xml CLOB NOT NULL,
  deployment_key BIGINT NOT NULL,
  CONSTRAINT process_definition_version UNIQUE (process_definition_id, version)
);

CREATE TABLE IF NOT EXISTS form (
  form_key BIGINT PRIMARY KEY,
  form_id VARCHAR(1000) NOT NULL,
  version INT NOT NULL,
  resource_name VARCHAR(1000) NOT NULL,
  checksum VARCHAR(64) NOT NULL,
  schema_json CLOB NOT NULL,
  deployment_key BIGINT NOT NULL,
  CONSTRAINT form_version UNIQUE (form_id, version)
);

CREATE TABLE IF NOT EXISTS process_instance (
  process_instance_key BIGINT PRIMARY KEY,
  process_definition_key BIGINT NOT NULL,
  process_definition_id VARCHAR(1000) NOT NULL,
  version INT NOT NULL,
  state VARCHAR(20) NOT NULL,
  start_date BIGINT NOT NULL,
  end_date BIGINT
);

CREATE TABLE IF NOT EXISTS element_instance (
  element_instance_key BIGINT PRIMARY KEY,
  process_instance_key BIGINT NOT NULL,
  flow_scope_key BIGINT,
  element_id VARCHAR(1000) NOT NULL,
  element_type VARCHAR(40) NOT NULL,
  state VARCHAR(20) NOT NULL,
  start_date BIGINT NOT NULL,
  end_date BIGINT,
  incident_key BIGINT
);
CREATE INDEX IF NOT EXISTS element_instance_by_process ON element_instance (process_instance_key);
CREATE INDEX IF NOT EXISTS element_instance_by_scope ON element_instance (flow_scope_key, state);

CREATE TABLE IF NOT EXISTS variable (
  variable_key BIGINT PRIMARY KEY,
  scope_key BIGINT NOT NULL,
  process_instance_key BIGINT NOT NULL,
  name VARCHAR(10000) NOT NULL,
  value_json CLOB NOT NULL,
  CONSTRAINT variable_name_in_scope UNIQUE (scope_key, name)
);
CREATE INDEX IF NOT EXISTS variable_by_process ON variable (process_instance_key);

CREATE TABLE IF NOT EXISTS variable_change (
  change_key BIGINT PRIMARY KEY,
  variable_key BIGINT NOT NULL,
  scope_key BIGINT NOT NULL,
  process_instance_key BIGINT NOT NULL,
  name VARCHAR(10000) NOT NULL,
  value_json CLOB NOT NULL,
  changed_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS variable_change_by_process ON variable_change (process_instance_key);

CREATE TABLE IF NOT EXISTS job (
  job_key BIGINT PRIMARY KEY,
  type VARCHAR(1000) NOT NULL,
  state VARCHAR(20) NOT NULL,
  retries INT NOT NULL,
  worker VARCHAR(1000),
  deadline BIGINT,
  backoff_until BIGINT,
  error_code VARCHAR(1000),
  error_message CLOB,
  custom_headers CLOB NOT NULL,
  process_instance_key BIGINT NOT NULL,
  element_instance_key BIGINT NOT NULL,
  element_id VARCHAR(1000) NOT NULL,
  process_definition_key BIGINT NOT NULL,
  process_definition_id VARCHAR(1000) NOT NULL,
  version INT NOT NULL,
  end_time BIGINT
);
CREATE INDEX IF NOT EXISTS job_by_type ON job (type, state);
CREATE INDEX IF NOT EXISTS job_by_element_instance ON job (element_instance_key);

CREATE TABLE IF NOT EXISTS user_task (
  user_task_key BIGINT PRIMARY KEY,
  element_instance_key BIGINT NOT NULL,
  process_instance_key BIGINT NOT NULL,
  process_definition_key BIGINT NOT NULL,
  process_definition_id VARCHAR(1000) NOT NULL,
  version INT NOT NULL,
  element_id VARCHAR(1000) NOT NULL,
  name VARCHAR(1000),
  state VARCHAR(20) NOT NULL,
  assignee VARCHAR(1000),
  candidate_groups CLOB NOT NULL,
  candidate_users CLOB NOT NULL,
  form_key BIGINT,
  external_form_reference VARCHAR(10000),
  custom_headers CLOB NOT NULL,
  priority INT NOT NULL,
  due_date VARCHAR(100),
  follow_up_date VARCHAR(100),
  creation_date BIGINT NOT NULL,
  completion_date BIGINT,
  completed_by VARCHAR(1000),
  completion_action VARCHAR(1000)
);
CREATE INDEX IF NOT EXISTS user_task_by_element_instance ON user_task (element_instance_key);

CREATE TABLE IF NOT EXISTS incident (
  incident_key BIGINT PRIMARY KEY,
  process_instance_key BIGINT NOT NULL,
  process_definition_key BIGINT NOT NULL,
  process_definition_id VARCHAR(1000) NOT NULL,
  element_instance_key BIGINT NOT NULL,
  element_id VARCHAR(1000) NOT NULL,
  job_key BIGINT,
  error_type VARCHAR(40) NOT NULL,
  error_message CLOB NOT NULL,
  retry_step VARCHAR(20) NOT NULL,
  state VARCHAR(20) NOT NULL,
  creation_time BIGINT NOT NULL,
  resolved_time BIGINT
);
CREATE INDEX IF NOT EXISTS incident_by_element_instance ON incident (element_instance_key, state);

CREATE TABLE IF NOT EXISTS document (
  document_id VARCHAR(100) PRIMARY KEY,
  store_id VARCHAR(100) NOT NULL,
  content BLOB NOT NULL,
  content_hash VARCHAR(64) NOT NULL,
  metadata_json CLOB NOT NULL,
  created_at BIGINT NOT NULL
);
